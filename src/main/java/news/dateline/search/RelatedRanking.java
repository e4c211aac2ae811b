package news.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Which indexed articles are most like one article. In three steps:
 * <ol>
 * <li>More like this: the article's {@link #FIRST_TERMS} most telling words ({@link SimilarText}) find the
 *     {@link #POOL} stories that match them best (BM25). Up to {@link #TAG_POOL} stories sharing a tag join
 *     the pool, those sharing most tags and the newest first.</li>
 * <li>Relevance feedback: the words of the closest stories (up to {@link #FEEDBACK_STORIES}, each at least
 *     {@link #FEEDBACK_MIN_SIMILARITY} as alike as the closest) are added to the article's, together weighing
 *     {@link #FEEDBACK_WEIGHT} times the article's own. This pulls the ranking towards the subject the article
 *     shares with them rather than towards one-off coincidences of words; on the BBC corpus it lifts
 *     precision@5 from about 0.915 to 0.93 (docs/benchmarks.md).</li>
 * <li>The pool is scored: the text score of that wider query, divided by the article's own (or the best
 *     story's, if higher), so 1 means "as alike as it gets"; plus {@link #SHARED_TAG} per shared tag, so the
 *     editors' tags come first as they did in the SQL ranking; plus {@link #SAME_SECTION} for the same section.
 *     The sum is multiplied by {@code 1 / (1 + days apart / }{@link #DAYS_TO_HALVE}{@code )}: stories from the
 *     same days come first, while a strongly related story from months earlier can still make the list.
 *     Stories scoring under {@link #MIN_SCORE} are left out: a filler is worse than a short list.</li>
 * </ol>
 * Scoring only the pool's documents ({@link #scoresInPool}) keeps the wide query cheap on a large index.
 */
final class RelatedRanking {

    static final float SHARED_TAG = 1f;
    static final float SAME_SECTION = 0.05f;
    static final double DAYS_TO_HALVE = 60;
    static final double MIN_SCORE = 0.1;
    /**
     * The floor that does not move with the neighbours: a story sharing no tag must match the article's own words
     * (the first query, before relevance feedback) at least this well, as a share of the article's score against
     * them. MIN_SCORE alone is relative to the best neighbour, so a story with no real neighbour listed five
     * strangers (issue 19.1). 0.02 is the highest floor that costs nothing on the BBC corpus (0.04 already drops
     * precision@5 to 0.928; see docs/benchmarks.md): it removes the weakest fillers, not every stranger on a
     * small site, where rare-looking common words give strangers a direct similarity of up to ~0.07; those are
     * handled by {@link #MIN_DIRECT_NAMELESS}.
     */
    static final double MIN_DIRECT = 0.02;
    /**
     * Whether a story has any real neighbour at all. On a small site common words look rare, so strangers reach a
     * direct similarity of ~0.065 through "government", "city" and "police" alone, sharing 9-18 of the article's
     * heaviest words (issue 19.1), as high as real neighbours on the BBC corpus. What they never share is a name
     * ({@link SimilarText#namesIn}: Herat, Kabul, Time Warner). So a story lists Related News only if some
     * candidate shares a tag, or a name, or matches its words at least this well without one.
     */
    static final double MIN_DIRECT_NAMELESS = 0.1;

    static final int FIRST_TERMS = 100;
    static final int POOL = 60;
    static final int FEEDBACK_STORIES = 10;
    static final double FEEDBACK_WEIGHT = 2;
    static final int WIDE_TERMS = 150;
    /** Feedback comes only from stories at least this alike, relative to the closest one. */
    static final float FEEDBACK_MIN_SIMILARITY = 0.5f;
    /** A feedback story's word counts only if another feedback story (or the article) has it too. */
    private static final int FEEDBACK_MIN_STORIES = 2;
    private static final int TAG_POOL = 20;
    private static final Sort MOST_TAGS_THEN_NEWEST = new Sort(SortField.FIELD_SCORE,
            new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG, true));
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private RelatedRanking() {
    }

    /** Up to {@code limit} article ids, best first; never the article itself, never one under either floor. */
    static List<Long> relatedIds(IndexSearcher searcher, IndexedArticle article, int limit) throws IOException {
        return listed(ranked(searcher, article), MIN_DIRECT, MIN_DIRECT_NAMELESS).stream()
                .limit(limit)
                .map(Candidate::id)
                .toList();
    }

    /**
     * The candidates worth listing: none unless at least one is a {@link Candidate#neighbour real neighbour}
     * (issue 19.1: a story about something no other story covers gets no Related News rather than strangers),
     * otherwise every one over the direct floor.
     */
    static List<Candidate> listed(List<Candidate> ranked, double directFloor, double namelessFloor) {
        if (ranked.stream().noneMatch(candidate -> candidate.neighbour(namelessFloor))) {
            return List.of();
        }
        return ranked.stream().filter(candidate -> candidate.relevant(directFloor)).toList();
    }

    /** Every candidate at or over MIN_SCORE, best first, with its direct similarity (for the floor and its measure). */
    static List<Candidate> ranked(IndexSearcher searcher, IndexedArticle article) throws IOException {
        Query self = new TermQuery(ArticleFields.idTerm(article.id()));
        SimilarText texts = new SimilarText(searcher);
        SimilarText.Counts counts = SimilarText.countsOf(ArticleFields.allText(article));
        Map<String, Double> words = texts.weigh(counts.terms(), term -> true);
        Set<Integer> pool = new LinkedHashSet<>();
        SimilarText.WeightedTerms wide = null;
        SimilarText.WeightedTerms own = SimilarText.heaviest(words, FIRST_TERMS);
        Map<Integer, Float> direct = new HashMap<>();
        Set<String> names = SimilarText.namesIn(article.headline(), article.standfirst(), article.body());
        Set<Integer> naming = new HashSet<>();
        if (own != null) {
            ScoreDoc[] closest = searcher.search(without(texts.query(own), self), POOL).scoreDocs;
            float itself = Math.max(texts.scoreOf(own, counts), closest.length == 0 ? 0 : closest[0].score);
            for (ScoreDoc story : closest) {
                pool.add(story.doc);
                direct.put(story.doc, itself > 0 ? story.score / itself : 0);
                if (texts.hasAny(story.doc, names)) {
                    naming.add(story.doc);
                }
            }
            float alike = closest.length == 0 ? 0 : FEEDBACK_MIN_SIMILARITY * closest[0].score;
            ScoreDoc[] feedback = Arrays.stream(closest).limit(FEEDBACK_STORIES)
                    .filter(story -> story.score >= alike)
                    .toArray(ScoreDoc[]::new);
            wide = SimilarText.heaviest(widened(texts, words, feedback), WIDE_TERMS);
        }
        Query tags = sharedTags(article);
        if (tags != null) {
            for (ScoreDoc story : searcher.search(without(tags, self), TAG_POOL, MOST_TAGS_THEN_NEWEST).scoreDocs) {
                pool.add(story.doc);
            }
        }
        if (pool.isEmpty()) {
            return List.of();
        }

        Map<Integer, Float> textScores = wide == null ? Map.of() : scoresInPool(searcher, texts.query(wide), pool);
        float best = textScores.values().stream().reduce(0f, Math::max);
        float alikeAsItself = wide == null ? 1 : Math.max(best, texts.scoreOf(wide, counts));
        Set<String> tagKeys = article.tags().stream().map(ArticleFields::tagKey).collect(Collectors.toSet());
        long published = article.publishedAt().toEpochMilli();
        List<Candidate> candidates = new ArrayList<>(pool.size());
        for (int docId : pool) {
            StoryFacts facts = StoryFacts.of(searcher, docId, tagKeys, article.sectionSlug());
            double score = textScores.getOrDefault(docId, 0f) / alikeAsItself
                    + SHARED_TAG * facts.sharedTags()
                    + (facts.sameSection() ? SAME_SECTION : 0);
            double daysApart = Math.abs(facts.published() - published) / MILLIS_PER_DAY;
            candidates.add(new Candidate(facts.id(), facts.published(), score / (1 + daysApart / DAYS_TO_HALVE),
                    direct.getOrDefault(docId, 0f), naming.contains(docId), facts.sharedTags()));
        }
        return candidates.stream()
                .filter(candidate -> candidate.score() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(Comparator.comparingLong(Candidate::published).reversed()))
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

    /** Stories sharing a tag with the article, scored by how many they share; null if it has no tags. */
    private static Query sharedTags(IndexedArticle article) {
        if (article.tags().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder tags = new BooleanQuery.Builder();
        for (String tag : article.tags()) {
            tags.add(new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.TAG, ArticleFields.tagKey(tag)))),
                    BooleanClause.Occur.SHOULD);
        }
        return tags.build();
    }

    private static Query without(Query query, Query self) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(self, BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /**
     * The query's score for each story of the pool. Advancing the query's scorer to the pool's documents, leaf by
     * leaf, visits only those documents; a filtered search would still walk the terms' postings window by window
     * across the whole index, which was most of the cost on 100,000 stories.
     */
    private static Map<Integer, Float> scoresInPool(IndexSearcher searcher, Query query, Set<Integer> pool)
            throws IOException {
        int[] docs = pool.stream().mapToInt(Integer::intValue).sorted().toArray();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1);
        Map<Integer, Float> scores = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int next = 0;
        while (next < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[next], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            Scorer scorer = weight.scorer(leaf);
            DocIdSetIterator matches = scorer == null ? null : scorer.iterator();
            for (; next < docs.length && docs[next] < end; next++) {
                int doc = docs[next] - leaf.docBase;
                if (matches != null && (matches.docID() == doc || matches.docID() < doc && matches.advance(doc) == doc)) {
                    scores.put(docs[next], scorer.score());
                }
            }
        }
        return scores;
    }

    /**
     * A story that may be listed: {@code score} ranks, {@code direct} is how well it matches the article's own
     * words (0 to about 1), {@code sharesName} whether it has one of the names the article gives
     * ({@link SimilarText#namesIn}), {@code sharedTags} how many tags the editors gave both.
     */
    record Candidate(long id, long published, double score, double direct, boolean sharesName, int sharedTags) {

        boolean relevant(double directFloor) {
            return sharedTags > 0 || direct >= directFloor;
        }

        /** A real neighbour: it shares a tag, or a name with the article, or matches its words well enough alone. */
        boolean neighbour(double namelessFloor) {
            return sharedTags > 0 || direct >= MIN_DIRECT && (sharesName || direct >= namelessFloor);
        }
    }
}
