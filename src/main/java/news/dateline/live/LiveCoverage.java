package news.dateline.live;

import java.time.Instant;

/** Whether an article has been covered live: {@code since} is null if never, {@code endedAt} once it stopped. */
public record LiveCoverage(long articleId, String headline, String path, boolean published, Instant since,
        Instant endedAt) {

    public boolean everLive() {
        return since != null;
    }

    public boolean isLive() {
        return since != null && endedAt == null;
    }
}
