package news.dateline.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What a reader typed, as a Lucene query. SimpleQueryParser never throws on syntax: an unbalanced quote or
 * bracket is read as text. Supported: "phrases", -excluded, a | b, prefix*, (grouping); all words must match.
 * Fuzzy (~) is off: it is costly and "did you mean" covers misspellings.
 */
final class ReaderQuery {

    static final int MAX_LENGTH = 200;

    private static final int OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR;

    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();

    private ReaderQuery() {
    }

    /** Cleans what came from the query string: no control characters, at most {@link #MAX_LENGTH} characters. */
    static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String text = typed.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]+", " ").strip();
        if (text.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut).strip();
        }
        return text;
    }

    /** The query, or null when the words hold nothing searchable (only punctuation, say). */
    static Query parse(String words) {
        SimpleQueryParser parser = new SimpleQueryParser(ANALYZER, ArticleFields.SEARCHED, OPERATORS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(words);
        boolean empty = query instanceof MatchNoDocsQuery
                || query instanceof BooleanQuery bool && bool.clauses().isEmpty();
        return empty ? null : query;
    }
}
