package news.dateline.page;

import java.time.Instant;

/** One save of a page, kept so an editor can see and restore what a page said before. */
public record PageRevision(long id, long pageId, String title, String slug, String body, String savedBy,
        Instant savedAt) {
}
