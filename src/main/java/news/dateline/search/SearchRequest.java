package news.dateline.search;

import java.time.Instant;

/**
 * One search as the index sees it: the reader's words (possibly empty when only filters are set), an
 * optional section slug, an optional publication window [{@code from}, {@code until}), the order and the page.
 */
record SearchRequest(String words, String section, Instant from, Instant until, boolean newestFirst, int page,
        int pageSize) {

    boolean hasFilters() {
        return section != null || from != null || until != null;
    }
}
