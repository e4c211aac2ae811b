package news.dateline.newsroom;

import java.time.Instant;

/** An update to a published story waiting for an editor: who wrote it, when, and where to review it. */
public record PendingUpdate(long articleId, String headline, long revisionId, String savedBy, Instant savedAt) {

    /** The differences between the published story and the update; the page has the approve button too. */
    public String reviewPath() {
        return "/newsroom/articles/" + articleId + "/revisions?to=" + revisionId;
    }

    public String editPath() {
        return "/newsroom/articles/" + articleId;
    }
}
