package news.dateline.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of the query that no article contains is replaced by the closest word that
 * some article does contain (Levenshtein distance up to 2, from the index's own terms). The reader's other
 * words, quotes and operators are kept as typed.
 */
final class SpellingSuggestions {

    /** Past this many words a query is not a typo away from anything; respelling it costs more than it helps. */
    private static final int MAX_WORDS = 6;
    private static final int MAX_WORD_LENGTH = 24;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Analyzer SPELLING = NewsAnalyzer.forSpelling();

    private SpellingSuggestions() {
    }

    /** The query with misspelled words replaced, or null if no word needed or found a replacement. */
    static String respell(IndexSearcher searcher, String words) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(3);
        checker.setMaxQueryLength(MAX_WORD_LENGTH);
        if (WORD.matcher(words).results().count() > MAX_WORDS) {
            return null;
        }
        Matcher matcher = WORD.matcher(words);
        StringBuilder respelled = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            String word = matcher.group();
            String folded = fold(word);
            String replacement = null;
            if (folded.length() >= 3 && folded.length() <= MAX_WORD_LENGTH && reader.docFreq(new Term(ArticleFields.SPELL, folded)) == 0) {
                SuggestWord[] suggestions = checker.suggestSimilar(new Term(ArticleFields.SPELL, folded), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length > 0) {
                    replacement = suggestions[0].string;
                    changed = true;
                }
            }
            matcher.appendReplacement(respelled, Matcher.quoteReplacement(replacement != null ? replacement : word));
        }
        matcher.appendTail(respelled);
        return changed ? respelled.toString() : null;
    }

    private static String fold(String word) {
        return SPELLING.normalize(ArticleFields.SPELL, word).utf8ToString()
                .toLowerCase(Locale.ROOT);
    }
}
