package news.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Texts as weighted term vectors over {@link ArticleFields#SIMILARITY}, and queries built from them. A term
 * weighs {@code (1 + ln tf) * idf} and each vector is scaled to length 1, so a long story does not outvote a
 * short one and a word repeated ten times does not drown out the rest (Lucene's MoreLikeThis weighs raw
 * counts, which measured worse). Vectors add up, which is what relevance feedback needs.
 */
final class SimilarText {

    private static final String FIELD = ArticleFields.SIMILARITY;
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final IndexReader reader;
    private final int documents;
    private final Map<String, Double> idfs = new HashMap<>();

    SimilarText(IndexReader reader) {
        this.reader = reader;
        this.documents = Math.max(1, reader.numDocs());
    }

    /** Term counts of a text, analysed as it would be indexed; stop words and one-letter terms left out. */
    static Map<String, Integer> countsOf(String text) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = ANALYZER.tokenStream(FIELD, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 1 && !STOP_WORDS.contains(term.buffer(), 0, term.length())) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        }
        return counts;
    }

    /** Term counts of an indexed document, from its term vector. */
    Map<String, Integer> countsOf(int docId) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Terms terms = reader.termVectors().get(docId, FIELD);
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

    /** BM25's idf; 0 for a term no indexed story has, which can match nothing. */
    private double idf(String term) throws IOException {
        Double known = idfs.get(term);
        if (known == null) {
            int df = reader.docFreq(new Term(FIELD, term));
            known = df == 0 ? 0 : Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            idfs.put(term, known);
        }
        return known;
    }

    static void add(Map<String, Double> sum, Map<String, Double> vector, double factor) {
        vector.forEach((term, weight) -> sum.merge(term, weight * factor, Double::sum));
    }

    /** The heaviest {@code maxTerms} terms as a disjunction, each boosted by its weight; null if there are none. */
    static Query query(Map<String, Double> vector, int maxTerms) {
        if (vector.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, Double>> heaviest = new ArrayList<>(vector.entrySet());
        heaviest.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double top = heaviest.getFirst().getValue();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (var entry : heaviest.subList(0, Math.min(maxTerms, heaviest.size()))) {
            query.add(new BoostQuery(new TermQuery(new Term(FIELD, entry.getKey())), (float) (entry.getValue() / top)),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }
}
