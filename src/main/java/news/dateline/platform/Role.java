package news.dateline.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a newsroom account may do, as in WordPress: each role can do everything the one below it can
 * (the full table is in docs/newsroom.md).
 */
public enum Role {
    ADMIN("Manages users, sections, tags, settings and imports, and does everything an editor does"),
    EDITOR("Publishes and edits anyone's stories and moderates comments"),
    AUTHOR("Writes and publishes their own stories"),
    CONTRIBUTOR("Writes drafts; an editor publishes them");

    private final String summary;

    Role(String summary) {
        this.summary = summary;
    }

    /** How the role is stored and how forms and the command line name it: "admin", "editor", ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    public static Role fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A role typed by a person (a form field, a command-line option); empty when it names none. */
    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.column().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst();
    }
}
