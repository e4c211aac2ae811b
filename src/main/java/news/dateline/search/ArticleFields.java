package news.dateline.search;

import java.util.Map;
import news.dateline.platform.Slugs;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/** The fields of an article's document, and how an {@link IndexedArticle} becomes one. */
final class ArticleFields {

    static final String ID = "id";
    static final String SECTION = "section";
    static final String TAG = "tag";
    static final String PUBLISHED = "published";
    static final String GENERATION = "generation";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String PLACE = "place";
    static final String TAGS = "tags";
    static final String SPELL = "spell";
    static final String SIMILARITY = "similarity";

    /** What a reader's words are matched against, and how much a match in each counts (BM25 per field). */
    static final Map<String, Float> SEARCHED = Map.of(
            HEADLINE, 4f,
            TAGS, 2.5f,
            STANDFIRST, 2f,
            PLACE, 1.5f,
            BODY, 1f);

    /** Text kept in the index for snippets, with offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType SHOWN_TEXT = new FieldType(TextField.TYPE_STORED);

    /** All of an article's words in one field for Related News, with term vectors for relevance feedback. */
    private static final FieldType SIMILARITY_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        SHOWN_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SHOWN_TEXT.freeze();
        SIMILARITY_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        SIMILARITY_TEXT.setStoreTermVectors(true);
        SIMILARITY_TEXT.freeze();
    }

    private ArticleFields() {
    }

    static Term idTerm(long articleId) {
        return new Term(ID, Long.toString(articleId));
    }

    static String tagKey(String tagName) {
        return Slugs.of(tagName);
    }

    /** Everything a reader can read of the article, as one text. */
    static String allText(IndexedArticle article) {
        return String.join("\n", article.headline(), article.standfirst(), article.body(), article.place(),
                String.join("\n", article.tags()));
    }

    /** {@code generation} marks which rebuild wrote the document, so a rebuild can drop what it did not see. */
    static Document document(IndexedArticle article, long generation) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID, article.id()));
        doc.add(new KeywordField(SECTION, article.sectionSlug(), Field.Store.NO));
        long published = article.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new LongPoint(GENERATION, generation));
        doc.add(new Field(HEADLINE, article.headline(), SHOWN_TEXT));
        doc.add(new Field(STANDFIRST, article.standfirst(), SHOWN_TEXT));
        doc.add(new Field(BODY, article.body(), SHOWN_TEXT));
        doc.add(new TextField(PLACE, article.place(), Field.Store.NO));
        for (String tag : article.tags()) {
            doc.add(new KeywordField(TAG, tagKey(tag), Field.Store.NO));
            doc.add(new TextField(TAGS, tag, Field.Store.NO));
        }
        String everything = allText(article);
        doc.add(new TextField(SPELL, everything, Field.Store.NO));
        doc.add(new Field(SIMILARITY, everything, SIMILARITY_TEXT));
        return doc;
    }
}
