package news.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Which indexed articles are most like one article. The text part is MoreLikeThis: the article's most
 * distinctive words (tf-idf) in headline, standfirst, body and tags, as a BM25 query; its score is divided
 * by the article's own score against that query, so 1 means "as alike as the article is to itself".
 * Each shared tag adds {@link #SHARED_TAG}, the same section {@link #SAME_SECTION}. The sum is multiplied by
 * {@code 1 / (1 + days apart / }{@link #DAYS_TO_HALVE}{@code )}: stories from the same days come first,
 * a strongly related story from months earlier can still make the list. Stories scoring under
 * {@link #MIN_SCORE} are left out.
 */
final class RelatedRanking {

    static final float SHARED_TAG = 0.3f;
    static final float SAME_SECTION = 0.05f;
    static final double DAYS_TO_HALVE = 60;
    /** Below this a story shares too little to be called related: a filler is worse than a shorter list. */
    static final double MIN_SCORE = 0.05;

    /** Decay can reorder, so more candidates than shown are ranked before it is applied. */
    private static final int CANDIDATES = 40;
    private static final String[] TEXT_FIELDS = {ArticleFields.HEADLINE, ArticleFields.STANDFIRST,
            ArticleFields.BODY, ArticleFields.TAGS};
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private RelatedRanking() {
    }

    /** Up to {@code limit} article ids, best first; never the article itself. */
    static List<Long> relatedIds(IndexSearcher searcher, IndexedArticle article, int limit) throws IOException {
        Query text = moreLikeThis(searcher, article);
        Query self = new TermQuery(ArticleFields.idTerm(article.id()));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (text != null) {
            query.add(new BoostQuery(text, 1f / selfScore(searcher, text, self)), BooleanClause.Occur.SHOULD);
        }
        for (String tag : article.tags()) {
            Query shared = new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.TAG, ArticleFields.tagKey(tag))));
            query.add(new BoostQuery(shared, SHARED_TAG), BooleanClause.Occur.SHOULD);
        }
        Query section = new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.SECTION, article.sectionSlug())));
        query.add(new BoostQuery(section, SAME_SECTION), BooleanClause.Occur.SHOULD);
        query.add(self, BooleanClause.Occur.MUST_NOT);

        TopDocs top = searcher.search(query.build(), CANDIDATES);
        long published = article.publishedAt().toEpochMilli();
        List<Candidate> candidates = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Candidate candidate = Candidate.of(searcher, hit);
            double daysApart = Math.abs(candidate.published - published) / MILLIS_PER_DAY;
            candidates.add(candidate.decayed(1 / (1 + daysApart / DAYS_TO_HALVE)));
        }
        return candidates.stream()
                .filter(candidate -> candidate.score() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(Comparator.comparingLong(Candidate::published).reversed()))
                .limit(limit)
                .map(Candidate::id)
                .toList();
    }

    /** The MoreLikeThis query for the article's text, or null if it has no distinctive words. */
    static Query moreLikeThis(IndexSearcher searcher, IndexedArticle article) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(ANALYZER);
        mlt.setFieldNames(TEXT_FIELDS);
        mlt.setStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(40);
        mlt.setBoost(true);
        Map<String, Collection<Object>> fields = new HashMap<>();
        fields.put(ArticleFields.HEADLINE, List.of(article.headline()));
        fields.put(ArticleFields.STANDFIRST, List.of(article.standfirst()));
        fields.put(ArticleFields.BODY, List.of(article.body()));
        fields.put(ArticleFields.TAGS, List.copyOf(article.tags()));
        Query query = mlt.like(fields);
        return query instanceof BooleanQuery bool && bool.clauses().isEmpty() ? null : query;
    }

    /** How well the article matches its own query; when it is not (yet) indexed, the best other match stands in. */
    private static float selfScore(IndexSearcher searcher, Query text, Query self) throws IOException {
        Query ownDocument = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(self, BooleanClause.Occur.FILTER)
                .build();
        TopDocs own = searcher.search(ownDocument, 1);
        if (own.scoreDocs.length == 0) {
            own = searcher.search(text, 1);
        }
        return own.scoreDocs.length == 0 || own.scoreDocs[0].score <= 0 ? 1f : own.scoreDocs[0].score;
    }

    private record Candidate(long id, long published, double score) {

        static Candidate of(IndexSearcher searcher, ScoreDoc hit) throws IOException {
            return new Candidate(ArticleSearch.articleId(searcher, hit.doc),
                    ArticleSearch.publishedAt(searcher, hit.doc), hit.score);
        }

        Candidate decayed(double factor) {
            return new Candidate(id, published, score * factor);
        }
    }
}
