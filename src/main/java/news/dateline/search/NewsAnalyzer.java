package news.dateline.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text becomes terms. Words are split on whitespace, then on hyphens and punctuation by the
 * word-delimiter filter, so "Cost-of-Living" is found by "cost of living"; when indexing, the joined form
 * ("costofliving", "wifi") is kept too, so a reader who leaves the hyphen out still finds it. Accents and
 * case are folded ("Zurich" finds "Zürich") and words are stemmed with KStem, which is gentle enough that
 * a stem is still a word. The same analysis runs on both sides, so phrase queries line up.
 */
final class NewsAnalyzer extends Analyzer {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
    private static final int SPLIT_AND_JOIN = SPLIT
            | WordDelimiterGraphFilter.CATENATE_WORDS
            | WordDelimiterGraphFilter.CATENATE_NUMBERS;

    private final boolean indexing;

    private NewsAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    /** For documents: also emits the joined form of hyphenated words. */
    static Analyzer forIndexing() {
        return new NewsAnalyzer(true);
    }

    /** For what readers type. */
    static Analyzer forQueries() {
        return new NewsAnalyzer(false);
    }

    /** Unstemmed, folded words for "did you mean": a suggestion must be a word a reader would type. */
    static Analyzer forSpelling() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, new LowerCaseFilter(new ASCIIFoldingFilter(words)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new ASCIIFoldingFilter(in));
            }
        };
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new WhitespaceTokenizer();
        TokenStream stream = new WordDelimiterGraphFilter(words, indexing ? SPLIT_AND_JOIN : SPLIT, null);
        if (indexing) {
            // The index cannot hold a token graph; flattening keeps positions right for phrases.
            stream = new FlattenGraphFilter(stream);
        }
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(words, stream);
    }

    /** Keeps a phrase from matching across two tags. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }

    /** Prefix queries ("elect*") are not analysed, only folded, so they meet the indexed terms' case and accents. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(in));
    }
}
