package news.dateline.search;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

/** What Related News needs to know about a candidate story, read from the index's doc values. */
record StoryFacts(long id, long published, int sharedTags, boolean sameSection) {

    static StoryFacts of(IndexSearcher searcher, int docId, Set<String> tagKeys, String section) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        int doc = docId - leaf.docBase;
        return new StoryFacts(number(leaf, doc, ArticleFields.ID), number(leaf, doc, ArticleFields.PUBLISHED),
                tagKeys.isEmpty() ? 0 : matching(leaf, doc, ArticleFields.TAG, tagKeys),
                matching(leaf, doc, ArticleFields.SECTION, Set.of(section)) > 0);
    }

    private static long number(LeafReaderContext leaf, int doc, String field) throws IOException {
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("A story in the index has no " + field);
        }
        return values.longValue();
    }

    private static int matching(LeafReaderContext leaf, int doc, String field, Set<String> wanted) throws IOException {
        SortedSetDocValues values = leaf.reader().getSortedSetDocValues(field);
        if (values == null || !values.advanceExact(doc)) {
            return 0;
        }
        int matches = 0;
        for (int i = 0; i < values.docValueCount(); i++) {
            if (wanted.contains(values.lookupOrd(values.nextOrd()).utf8ToString())) {
                matches++;
            }
        }
        return matches;
    }
}
