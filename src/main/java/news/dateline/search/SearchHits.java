package news.dateline.search;

import java.util.List;

/**
 * A page of hits in rank order. {@code total} is exact up to {@link ArticleSearch#EXACT_COUNT_UP_TO}
 * and a lower bound beyond ({@code totalIsLowerBound}). {@code suggestion} is a respelled query that
 * finds something, offered only when nothing matched.
 */
record SearchHits(List<Hit> hits, long total, boolean totalIsLowerBound, int page, int pages, String suggestion,
        Problem problem) {

    /** Why a search could not be run as typed; the page says so instead of failing. */
    enum Problem { NONE, NOTHING_TO_SEARCH, TOO_COMPLEX }

    record Hit(long articleId, Snippet headline, Snippet standfirst, Snippet body) {
    }

    static SearchHits none(Problem problem) {
        return new SearchHits(List.of(), 0, false, 1, 1, null, problem);
    }
}
