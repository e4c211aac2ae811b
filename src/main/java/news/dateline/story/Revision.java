package news.dateline.story;

import java.time.Instant;

/** One save of an article: a full snapshot of its editable fields, who saved it and when. */
public record Revision(long id, long articleId, String savedBy, Instant savedAt, String kind, ArticleDraft snapshot) {

    /** How the revision list names the kind of save. */
    public String label() {
        return switch (kind) {
            case "created" -> "Created";
            case "autosave" -> "Autosaved";
            case "saved" -> "Saved";
            case "published" -> "Published";
            case "scheduled" -> "Scheduled";
            case "unpublished" -> "Unpublished";
            case "updated" -> "Update published";
            case "pending" -> "Update for review";
            case "approved" -> "Update approved";
            case "corrected" -> "Correction";
            case "restored" -> "Restored";
            default -> kind;
        };
    }
}
