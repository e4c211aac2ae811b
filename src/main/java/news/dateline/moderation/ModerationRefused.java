package news.dateline.moderation;

import java.util.Map;

/** A moderation action that was not done: why (for the screen) and, for text that broke a rule, which field. */
public class ModerationRefused extends RuntimeException {

    private final int status;
    private final Map<String, String> fields;

    ModerationRefused(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = fields;
    }

    /** The HTTP status that fits: 404 gone, 409 not possible in its state, 422 invalid text. */
    public int status() {
        return status;
    }

    /** Field ({@code body}, {@code authorName}, {@code authorUrl}) to message. */
    public Map<String, String> fields() {
        return fields;
    }
}
