package news.dateline.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks the reader's words in headlines, standfirsts and bodies of a page of hits. Headline and standfirst
 * are shown whole; the body gives up to two sentences of about {@value #PASSAGE_LENGTH} characters around the
 * matches, or nothing when the words were found elsewhere.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    private static final int PASSAGE_LENGTH = 160;
    private static final String[] FIELDS = {ArticleFields.HEADLINE, ArticleFields.STANDFIRST, ArticleFields.BODY};
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();

    SnippetHighlighter(IndexSearcher searcher) {
        super(UnifiedHighlighter.builder(searcher, ANALYZER).withFormatter(FORMATTER)
                .withPassageRelevancyOverSpeed(false));
    }

    /** Per document: headline, standfirst and body snippets (the body one may be null). */
    Snippet[][] highlight(Query query, int[] docIds) throws IOException {
        Map<String, Object[]> byField = highlightFieldsAsObjects(FIELDS, query, docIds, new int[] {1, 1, 2});
        Snippet[][] snippets = new Snippet[docIds.length][FIELDS.length];
        for (int d = 0; d < docIds.length; d++) {
            for (int f = 0; f < FIELDS.length; f++) {
                snippets[d][f] = (Snippet) byField.get(FIELDS[f])[d];
            }
        }
        return snippets;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
        if (ArticleFields.BODY.equals(field)) {
            return LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(),
                    PASSAGE_LENGTH, 0.5f);
        }
        return new WholeBreakIterator();
    }

    @Override
    protected int getMaxNoHighlightPassages(String field) {
        return ArticleFields.BODY.equals(field) ? 0 : 1;
    }
}
