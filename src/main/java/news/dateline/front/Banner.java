package news.dateline.front;

import java.time.Instant;

/**
 * A one-line breaking-news banner: what it says, where it links ("" for no link), and when it ends by itself.
 * {@code id} names this banner, so a reader who dismissed it still sees the next one.
 */
public record Banner(long id, String message, String link, Instant expiresAt) {

    public boolean showingAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public boolean hasLink() {
        return !link.isEmpty();
    }

    /** For the page's script, which hides the banner at this moment even on a page cached before it ended. */
    public long expiresAtMillis() {
        return expiresAt.toEpochMilli();
    }
}
