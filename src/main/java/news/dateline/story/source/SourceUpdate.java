package news.dateline.story.source;

import java.util.List;
import news.dateline.story.TextDiff;

/**
 * A story's source has moved on: {@code UPDATE} (a newer version, with a word-level diff per field from the
 * version the story was made from, and the editor's own edits since then) or {@code WITHHELD} (the source holds
 * the item back: the story may not go out until a usable version arrives). The actions are the source's own
 * routes, posted with the CSRF token.
 */
public record SourceUpdate(long articleId, State state, String message, String fromVersion, String toVersion,
        List<Field> changes, List<Field> ownEdits, String takeAction, String dismissAction) {

    public enum State { UPDATE, WITHHELD }

    /** One field's diff; {@code name} is the editor's field name (headline, standfirst, body, dateline). */
    public record Field(String name, String label, List<TextDiff.Part> parts) {
    }

    public boolean withheld() {
        return state == State.WITHHELD;
    }

    public boolean edited() {
        return !ownEdits.isEmpty();
    }
}
