package news.dateline.site;

import news.dateline.platform.Refusal;
import news.dateline.platform.cache.PageNumbers;

/**
 * Page N of a listing. Page numbers come from the query string, so anything odd reads as page 1 (read as the page
 * cache reads them, {@link PageNumbers}); past the last page is a 404, which the cache never stores.
 */
public record Pagination(int page, int totalPages, String basePath) {

    static Pagination of(String requested, int total, int pageSize, String basePath) {
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int page = PageNumbers.requested(requested);
        if (page > pages) {
            throw Refusal.notFound("Page " + page + " of " + basePath);
        }
        return new Pagination(page, pages, basePath);
    }

    int offset(int pageSize) {
        return (page - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }

    public String previousPath() {
        return page == 2 ? basePath : basePath + "?page=" + (page - 1);
    }

    public String nextPath() {
        return basePath + "?page=" + (page + 1);
    }
}
