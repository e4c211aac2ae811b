package news.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Which indexed articles are most like one article. In three steps:
 * <ol>
 * <li>More like this: the article's {@link #FIRST_TERMS} most telling words ({@link SimilarText}) find the
 *     {@link #POOL} stories that match them best (BM25). Stories sharing a tag join the pool.</li>
 * <li>Relevance feedback: the words of the {@link #FEEDBACK_STORIES} best matches are added to the article's
 *     ({@link #FEEDBACK_WEIGHT} times their average), which pulls the ranking towards the subject the article
 *     shares with them rather than towards one-off coincidences of words. On the BBC corpus this lifts
 *     precision@5 from about 0.915 to 0.93 (docs/benchmarks.md).</li>
 * <li>The pool is ranked by that wider query, its score divided by the article's own score against it (1 means
 *     "as alike as the article is to itself"); each shared tag adds {@link #SHARED_TAG}, the same section
 *     {@link #SAME_SECTION}; the sum is multiplied by {@code 1 / (1 + days apart / }{@link #DAYS_TO_HALVE}{@code )},
 *     so stories from the same days come first while a strongly related story from months earlier can still
 *     make the list. Stories scoring under {@link #MIN_SCORE} are left out: a filler is worse than a short list.</li>
 * </ol>
 * Scoring only the pool keeps the wide query cheap on a large index.
 */
final class RelatedRanking {

    static final float SHARED_TAG = 0.3f;
    static final float SAME_SECTION = 0.05f;
    static final double DAYS_TO_HALVE = 60;
    static final double MIN_SCORE = 0.05;

    static final int FIRST_TERMS = 100;
    static final int POOL = 100;
    static final int FEEDBACK_STORIES = 10;
    static final double FEEDBACK_WEIGHT = 2;
    static final int WIDE_TERMS = 150;
    /** Feedback comes only from stories at least this alike, relative to the closest one. */
    static final float FEEDBACK_MIN_SIMILARITY = 0.5f;
    /** A feedback story's word counts only if another feedback story (or the article) has it too. */
    private static final int FEEDBACK_MIN_STORIES = 2;
    private static final int TAG_POOL = 20;
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private RelatedRanking() {
    }

    /** Up to {@code limit} article ids, best first; never the article itself. */
    static List<Long> relatedIds(IndexSearcher searcher, IndexedArticle article, int limit) throws IOException {
        Query self = new TermQuery(ArticleFields.idTerm(article.id()));
        SimilarText texts = new SimilarText(searcher.getIndexReader());
        Map<String, Double> words = texts.weigh(SimilarText.countsOf(ArticleFields.allText(article)), term -> true);
        Set<Integer> pool = new LinkedHashSet<>();
        Query text = null;
        Query own = SimilarText.query(words, FIRST_TERMS);
        if (own != null) {
            ScoreDoc[] closest = searcher.search(without(own, self), POOL).scoreDocs;
            for (ScoreDoc story : closest) {
                pool.add(story.doc);
            }
            float alike = closest.length == 0 ? 0 : FEEDBACK_MIN_SIMILARITY * closest[0].score;
            ScoreDoc[] feedback = Arrays.stream(closest).limit(FEEDBACK_STORIES)
                    .filter(story -> story.score >= alike)
                    .toArray(ScoreDoc[]::new);
            text = SimilarText.query(widened(texts, words, feedback), WIDE_TERMS);
        }
        Query tags = sharedTags(article);
        if (tags != null) {
            for (ScoreDoc story : searcher.search(without(tags, self), TAG_POOL).scoreDocs) {
                pool.add(story.doc);
            }
        }
        if (pool.isEmpty()) {
            return List.of();
        }

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (text != null) {
            query.add(new BoostQuery(text, 1f / selfScore(searcher, text, self)), BooleanClause.Occur.SHOULD);
        }
        if (tags != null) {
            query.add(tags, BooleanClause.Occur.SHOULD);
        }
        Query section = new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.SECTION, article.sectionSlug())));
        query.add(new BoostQuery(section, SAME_SECTION), BooleanClause.Occur.SHOULD);
        query.add(only(searcher, pool), BooleanClause.Occur.FILTER);

        TopDocs ranked = searcher.search(query.build(), pool.size());
        long published = article.publishedAt().toEpochMilli();
        List<Candidate> candidates = new ArrayList<>(ranked.scoreDocs.length);
        for (ScoreDoc hit : ranked.scoreDocs) {
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

    /** The article's words plus those its closest stories share. */
    private static Map<String, Double> widened(SimilarText texts, Map<String, Double> words, ScoreDoc[] closest)
            throws IOException {
        int stories = closest.length;
        List<Map<String, Integer>> counts = new ArrayList<>(stories);
        Map<String, Integer> storiesWith = new HashMap<>();
        for (int i = 0; i < stories; i++) {
            Map<String, Integer> story = texts.countsOf(closest[i].doc);
            counts.add(story);
            story.keySet().forEach(term -> storiesWith.merge(term, 1, Integer::sum));
        }
        Map<String, Double> widened = new HashMap<>(words);
        for (Map<String, Integer> story : counts) {
            Map<String, Double> vector = texts.weigh(story,
                    term -> words.containsKey(term) || storiesWith.get(term) >= FEEDBACK_MIN_STORIES);
            SimilarText.add(widened, vector, FEEDBACK_WEIGHT / stories);
        }
        return widened;
    }

    /** One point of {@link #SHARED_TAG} per tag the story shares with the article; null if it has none. */
    private static Query sharedTags(IndexedArticle article) {
        if (article.tags().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder tags = new BooleanQuery.Builder();
        for (String tag : article.tags()) {
            Query shared = new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.TAG, ArticleFields.tagKey(tag))));
            tags.add(new BoostQuery(shared, SHARED_TAG), BooleanClause.Occur.SHOULD);
        }
        return tags.build();
    }

    private static Query without(Query query, Query self) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(self, BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static Query only(IndexSearcher searcher, Set<Integer> docIds) throws IOException {
        List<BytesRef> ids = new ArrayList<>(docIds.size());
        for (int docId : docIds) {
            ids.add(new BytesRef(Long.toString(ArticleSearch.articleId(searcher, docId))));
        }
        return new TermInSetQuery(ArticleFields.ID, ids);
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
