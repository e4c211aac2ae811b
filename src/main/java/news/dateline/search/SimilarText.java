package news.dateline.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Texts as weighted term vectors over {@link ArticleFields#SIMILARITY}, and queries built from them. A term
 * weighs {@code (1 + ln tf) * idf} and each vector is scaled to length 1, so a long story does not outvote a
 * short one and a word repeated ten times does not drown out the rest (Lucene's MoreLikeThis weighs raw
 * counts, which measured worse). Vectors add up, which is what relevance feedback needs.
 *
 * <p>One instance serves one Related News request: it looks each term up in the index once and hands the
 * result to every query it builds, which is most of what a many-term query costs on a large index.
 */
final class SimilarText {

    private static final String FIELD = ArticleFields.SIMILARITY;
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** A text's countable terms (no stop words, no one-letter terms) and its length in tokens, as indexed. */
    record Counts(Map<String, Integer> terms, int length) {
    }

    /** Terms with their boosts: a query, kept as data so the article's own score can be worked out. */
    record WeightedTerms(List<Map.Entry<String, Float>> boosts) {
    }

    private final IndexSearcher searcher;
    private final CollectionStatistics collection;
    private final Map<String, TermStates> states = new HashMap<>();
    private final Cache<String, Integer> docFreqs;

    /**
     * Document frequencies per index version, shared by all requests: weighing an article looks up every word it
     * and its closest stories have, and the same words come up again and again. A new index version gets a new map.
     */
    private static final Cache<IndexReader.CacheKey, Cache<String, Integer>> DOC_FREQS = Caffeine.newBuilder()
            .weakKeys().maximumSize(4).build();

    SimilarText(IndexSearcher searcher) throws IOException {
        this.searcher = searcher;
        this.collection = searcher.collectionStatistics(FIELD);
        IndexReader.CacheHelper version = searcher.getIndexReader().getReaderCacheHelper();
        this.docFreqs = version == null ? Caffeine.newBuilder().build()
                : DOC_FREQS.get(version.getKey(), key -> Caffeine.newBuilder().maximumSize(200_000).build());
    }

    static Counts countsOf(String text) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        int length = 0;
        try (TokenStream tokens = ANALYZER.tokenStream(FIELD, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                length++;
                if (term.length() > 1 && !STOP_WORDS.contains(term.buffer(), 0, term.length())) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        }
        return new Counts(counts, length);
    }

    /** Term counts of an indexed document, from its term vector. */
    Map<String, Integer> countsOf(int docId) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Terms terms = searcher.getIndexReader().termVectors().get(docId, FIELD);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef bytes = each.next(); bytes != null; bytes = each.next()) {
                String text = bytes.utf8ToString();
                if (text.length() > 1 && !STOP_WORDS.contains(text)) {
                    counts.put(text, (int) each.totalTermFreq());
                }
            }
        }
        return counts;
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’-]*");
    /** Capitalised in English prose without naming anything a story is about. */
    private static final Set<String> NOT_NAMES = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "mr", "mrs", "ms", "dr");

    /**
     * The names a text gives, as index terms: words written with a capital inside a sentence (Herat, Kabul, Ismail
     * Khan, Time Warner), never the first word of a sentence or line, a day or a month. A crude stand-in for named
     * entities that needs no model; a word it misses only makes Related News stricter.
     */
    static Set<String> namesIn(String... texts) throws IOException {
        Set<String> names = new HashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (Character.isUpperCase(text.codePointAt(word.start())) && !startsSentence(text, word.start())) {
                    for (String term : countsOf(word.group()).terms().keySet()) {
                        if (!NOT_NAMES.contains(term)) {
                            names.add(term);
                        }
                    }
                }
            }
        }
        return names;
    }

    private static boolean startsSentence(String text, int at) {
        int before = at - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            if (text.charAt(before) == '\n') {
                return true;
            }
            before--;
        }
        return before < 0 || ".!?:;\"“‘'(—–-•*#>".indexOf(text.charAt(before)) >= 0;
    }

    /** Whether an indexed document has any of the terms, read from its term vector. */
    boolean hasAny(int docId, Set<String> wanted) throws IOException {
        if (wanted.isEmpty()) {
            return false;
        }
        Terms terms = searcher.getIndexReader().termVectors().get(docId, FIELD);
        if (terms == null) {
            return false;
        }
        TermsEnum each = terms.iterator();
        for (String term : wanted) {
            if (each.seekExact(new BytesRef(term))) {
                return true;
            }
        }
        return false;
    }

    /** The weighted vector of the kept terms, scaled to length 1. Terms no indexed story has are dropped. */
    Map<String, Double> weigh(Map<String, Integer> counts, Predicate<String> keep) throws IOException {
        Map<String, Double> vector = new HashMap<>();
        double squares = 0;
        for (var count : counts.entrySet()) {
            if (!keep.test(count.getKey())) {
                continue;
            }
            double idf = idf(count.getKey());
            if (idf > 0) {
                double weight = (1 + Math.log(count.getValue())) * idf;
                vector.put(count.getKey(), weight);
                squares += weight * weight;
            }
        }
        double length = Math.sqrt(squares);
        vector.replaceAll((term, weight) -> weight / length);
        return vector;
    }

    static void add(Map<String, Double> sum, Map<String, Double> vector, double factor) {
        vector.forEach((term, weight) -> sum.merge(term, weight * factor, Double::sum));
    }

    /** The heaviest {@code maxTerms} terms, boosted by weight relative to the heaviest; null if there are none. */
    static WeightedTerms heaviest(Map<String, Double> vector, int maxTerms) {
        if (vector == null || vector.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(vector.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double top = sorted.getFirst().getValue();
        List<Map.Entry<String, Float>> boosts = new ArrayList<>();
        for (var entry : sorted.subList(0, Math.min(maxTerms, sorted.size()))) {
            boosts.add(Map.entry(entry.getKey(), (float) (entry.getValue() / top)));
        }
        return new WeightedTerms(boosts);
    }

    /** The terms as a disjunction, reusing this request's term lookups. */
    Query query(WeightedTerms terms) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (var boost : terms.boosts()) {
            Term term = new Term(FIELD, boost.getKey());
            query.add(new BoostQuery(new TermQuery(term, states(boost.getKey())), boost.getValue()),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * The score the text would get against the query if it were an indexed story, worked out with the
     * searcher's similarity from its term counts and length rather than searched for.
     */
    float scoreOf(WeightedTerms terms, Counts text) throws IOException {
        Similarity similarity = searcher.getSimilarity();
        long norm = SmallFloat.intToByte4(text.length());
        float score = 0;
        for (var boost : terms.boosts()) {
            Integer freq = text.terms().get(boost.getKey());
            TermStates term = states(boost.getKey());
            if (freq == null || term.docFreq() == 0 || collection == null) {
                continue;
            }
            var statistics = searcher.termStatistics(new Term(FIELD, boost.getKey()), term.docFreq(),
                    term.totalTermFreq());
            score += similarity.scorer(boost.getValue(), collection, statistics).score(freq, norm);
        }
        return score;
    }

    /** BM25's idf; 0 for a term no indexed story has, which can match nothing. */
    private double idf(String term) throws IOException {
        int df = docFreq(term);
        if (df == 0 || collection == null) {
            return 0;
        }
        long documents = collection.docCount();
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    private int docFreq(String term) throws IOException {
        TermStates known = states.get(term);
        if (known != null) {
            return known.docFreq();
        }
        Integer shared = docFreqs.getIfPresent(term);
        if (shared == null) {
            shared = searcher.getIndexReader().docFreq(new Term(FIELD, term));
            docFreqs.put(term, shared);
        }
        return shared;
    }

    private TermStates states(String term) throws IOException {
        TermStates known = states.get(term);
        if (known == null) {
            known = TermStates.build(searcher, new Term(FIELD, term), true);
            states.put(term, known);
        }
        return known;
    }
}
