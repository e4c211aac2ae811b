package news.dateline.page;

import java.time.Instant;
import news.dateline.platform.Slugs;

/**
 * A page of the site that is not news: About, Contact, Corrections policy. It lives at {@code /pages/{path}},
 * where the path is its slug under its parent's path ("about/team"), and never shows among the stories.
 */
public record Page(long id, Long parentId, String slug, String path, String title, String body, boolean published,
        Instant updatedAt, Instant publishedAt) {

    public static final String PREFIX = "/pages/";

    /** Its address on the site, as it goes into a link. */
    public String href() {
        return PREFIX + Slugs.inUrl(path);
    }

    /** How deep it sits: 0 for a page without a parent. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
