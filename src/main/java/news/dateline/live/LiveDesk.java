package news.dateline.live;

import java.util.List;
import news.dateline.platform.Moment;

/**
 * The live-coverage page of one article. {@code draft} is the text in the form (kept after a refusal);
 * {@code editing} the entry whose edit form is open, if any.
 */
public record LiveDesk(LiveCoverage coverage, boolean mayCover, List<Entry> entries, Draft draft, Long editing,
        String notice) {

    /** What the form holds, with the problem to show beside it. */
    public record Draft(Long entryId, String body, boolean keyEvent, String problem) {

        static Draft empty() {
            return new Draft(null, "", false, null);
        }

        boolean isFor(Long id) {
            return java.util.Objects.equals(entryId, id);
        }
    }

    public record Entry(long id, Moment at, boolean edited, boolean keyEvent, String author, String body,
            String html) {
    }

    public Draft draftFor(long entryId, String body, boolean keyEvent) {
        return draft.isFor(entryId) ? draft : new Draft(entryId, body, keyEvent, null);
    }

    public Draft newEntryDraft() {
        return draft.entryId() == null ? draft : Draft.empty();
    }

    public int maxLength() {
        return LiveEntryRules.MAX_LENGTH;
    }
}
