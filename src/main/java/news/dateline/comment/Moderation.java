package news.dateline.comment;

import java.util.Locale;
import java.util.Optional;

/** How an article takes new comments. The site default is {@code dateline.comments.moderation}. */
public enum Moderation {
    /** Published at once unless a spam rule holds it. */
    OPEN,
    /** Held for approval until the commenter has one approved comment; then like {@link #OPEN}. */
    FIRST_TIME,
    /** Every comment waits for a moderator. */
    HELD,
    /** No new comments: the form is replaced by "Comments are closed." */
    CLOSED;

    String column() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "first-time", as the settings and the staff API spell it; empty for anything else. */
    public static Optional<Moderation> parse(String value) {
        for (Moderation moderation : values()) {
            if (moderation.column().equalsIgnoreCase(value)) {
                return Optional.of(moderation);
            }
        }
        return Optional.empty();
    }

    static Moderation fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
