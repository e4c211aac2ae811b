package news.dateline.live;

import java.time.Instant;

/** One short timestamped update on a live article; {@code editedAt} is set once it was changed after posting. */
public record LiveEntry(long id, long articleId, String body, boolean keyEvent, String authorUsername,
        Instant createdAt, Instant editedAt) {
}
