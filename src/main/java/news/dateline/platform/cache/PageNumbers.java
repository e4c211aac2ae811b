package news.dateline.platform.cache;

/**
 * How a listing reads {@code ?page=}, in one place: the listings (site's {@code Pagination}) and the page cache's
 * key must agree, or {@code ?page=02} would be stored as a page of its own. Anything odd reads as page 1.
 */
public final class PageNumbers {

    private PageNumbers() {
    }

    public static int requested(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The part of the cache key that the page number adds: nothing for page 1. */
    static String keySuffix(String value) {
        int page = requested(value);
        return page == 1 ? "" : "?page=" + page;
    }
}
