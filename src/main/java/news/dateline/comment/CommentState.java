package news.dateline.comment;

import java.util.Locale;
import java.util.Optional;

/** Where a comment is in moderation. Only {@link #APPROVED} comments are public. */
public enum CommentState {
    PENDING, APPROVED, SPAM, TRASH;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentState fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<CommentState> parse(String value) {
        for (CommentState state : values()) {
            if (state.column().equalsIgnoreCase(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
