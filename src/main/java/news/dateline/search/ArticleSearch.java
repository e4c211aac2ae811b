package news.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Runs a reader's search against an index searcher: BM25 over headline, standfirst, body, place and tags
 * (headline weighted most), filtered by section and dates, by relevance or newest first, one page at a time,
 * with highlighted snippets, and a "did you mean" when nothing matched. Never throws for what a reader typed.
 */
final class ArticleSearch {

    /** Deep pages cost memory and nobody reads them; 50 pages of 10 is plenty. */
    static final int MAX_HITS = 500;
    static final int EXACT_COUNT_UP_TO = 1000;

    private static final Sort NEWEST = new Sort(new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);

    private ArticleSearch() {
    }

    static SearchHits search(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query words = null;
        if (!request.words().isBlank()) {
            try {
                words = ReaderQuery.parse(request.words());
            } catch (RuntimeException e) {
                return SearchHits.none(SearchHits.Problem.TOO_COMPLEX); // e.g. too many clauses
            }
            if (words == null) {
                return SearchHits.none(SearchHits.Problem.NOTHING_TO_SEARCH);
            }
        } else if (!request.hasFilters()) {
            return SearchHits.none(SearchHits.Problem.NOTHING_TO_SEARCH);
        }
        try {
            SearchHits hits = run(searcher, request, words);
            if (hits.total() == 0 && words != null) {
                String respelled = SpellingSuggestions.respell(searcher, request.words());
                if (respelled != null && countFor(searcher, request, respelled) > 0) {
                    return new SearchHits(List.of(), 0, false, 1, 1, respelled, SearchHits.Problem.NONE);
                }
            }
            return hits;
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchHits.none(SearchHits.Problem.TOO_COMPLEX);
        }
    }

    private static SearchHits run(IndexSearcher searcher, SearchRequest request, Query words) throws IOException {
        Query query = filtered(request, words);
        int pageSize = request.pageSize();
        int wanted = Math.min(MAX_HITS, request.page() * pageSize);
        TopDocs top = request.newestFirst() || words == null
                ? searcher.search(query, wanted, NEWEST, false)
                : searcher.search(query, wanted);
        long total = top.totalHits.value();
        boolean lowerBound = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        int reachable = (int) Math.min(total, MAX_HITS);
        int pages = Math.max(1, (reachable + pageSize - 1) / pageSize);
        int page = Math.min(request.page(), pages);
        int from = (page - 1) * pageSize;
        int to = Math.min(top.scoreDocs.length, from + pageSize);
        if (from >= to) {
            return new SearchHits(List.of(), total, lowerBound, page, pages, null, SearchHits.Problem.NONE);
        }
        int[] docIds = new int[to - from];
        for (int i = from; i < to; i++) {
            docIds[i - from] = top.scoreDocs[i].doc;
        }
        Snippet[][] snippets = words == null ? null : new SnippetHighlighter(searcher).highlight(words, docIds);
        List<SearchHits.Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            long id = articleId(searcher, docIds[i]);
            hits.add(snippets == null
                    ? new SearchHits.Hit(id, null, null, null)
                    : new SearchHits.Hit(id, snippets[i][0], snippets[i][1], snippets[i][2]));
        }
        return new SearchHits(List.copyOf(hits), total, lowerBound, page, pages, null, SearchHits.Problem.NONE);
    }

    private static long countFor(IndexSearcher searcher, SearchRequest request, String words) throws IOException {
        Query parsed = ReaderQuery.parse(words);
        return parsed == null ? 0 : searcher.count(filtered(request, parsed));
    }

    private static Query filtered(SearchRequest request, Query words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(words != null ? words : new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (request.section() != null) {
            query.add(new TermQuery(new Term(ArticleFields.SECTION, request.section())), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.until() != null) {
            long from = request.from() != null ? request.from().toEpochMilli() : Long.MIN_VALUE;
            long until = request.until() != null ? request.until().toEpochMilli() - 1 : Long.MAX_VALUE;
            query.add(LongPoint.newRangeQuery(ArticleFields.PUBLISHED, from, until), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    static long articleId(IndexSearcher searcher, int docId) throws IOException {
        return numeric(searcher, docId, ArticleFields.ID);
    }

    static long publishedAt(IndexSearcher searcher, int docId) throws IOException {
        return numeric(searcher, docId, ArticleFields.PUBLISHED);
    }

    private static long numeric(IndexSearcher searcher, int docId, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        if (values == null || !values.advanceExact(docId - leaf.docBase)) {
            throw new IllegalStateException("Document " + docId + " has no " + field);
        }
        return values.longValue();
    }
}
