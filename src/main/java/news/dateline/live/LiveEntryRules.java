package news.dateline.live;

import java.util.Optional;

/** What a live entry must be; the newsroom form shows these messages beside the text box. */
public final class LiveEntryRules {

    /** Characters (Unicode code points, after trimming): a live entry is a few sentences, not a story. */
    public static final int MAX_LENGTH = 2_000;

    public static final String EMPTY = "Write something before posting: the entry is empty.";
    public static final String TOO_LONG = "Please keep a live entry to 2,000 characters (it has %,d).";
    public static final String NOT_LIVE = "This story is not live: start live coverage before adding entries.";
    public static final String NOT_ALLOWED =
            "Only editors, and authors on their own stories, may add live entries here.";

    private LiveEntryRules() {
    }

    /** The problem with this text, if any. */
    public static Optional<String> problem(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return Optional.of(EMPTY);
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG.formatted(length));
        }
        return Optional.empty();
    }

    static String normalised(String body) {
        return body.replace("\r\n", "\n").strip();
    }
}
