package news.dateline.story;

import java.time.Instant;

/** A public note on a published story saying what was corrected and when; it stays forever. */
public record Correction(long id, long articleId, Instant createdAt, String note) {
}
