package news.dateline.platform.change;

import java.util.List;

/**
 * A story was written, published, withdrawn, moved or otherwise changed. Every page may show it (listings
 * directly, article pages through Recent Articles and Related News), and the search index re-reads it.
 */
public record StoryChanged(long articleId, Kind kind) implements Change {

    /** The codes are what {@code change_log.kind} has always held, so rows from older versions read the same. */
    public enum Kind {
        CREATED("created"),
        SAVED("saved"),
        AUTOSAVED("autosave"),
        UPDATED("updated"),
        PUBLISHED("published"),
        PUBLISHED_ON_SCHEDULE("status:published"),
        SCHEDULED("scheduled"),
        UNPUBLISHED("unpublished"),
        CORRECTED("corrected"),
        PENDING_UPDATE_SAVED("pending"),
        PENDING_UPDATE_APPROVED("approved"),
        PENDING_UPDATE_DISCARDED("pending-discarded"),
        RESTORED("restored"),
        MOVED("moved"),
        TAGS_CHANGED("tags"),
        LIVE_STARTED("live:started"),
        LIVE_ENDED("live:ended"),
        /** A row written by a version whose kind this one does not know: re-read the story, assume nothing. */
        OTHER("other");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Whether the story may have entered or left publication: feeds that carried it must be told. */
        public boolean mayChangePublication() {
            return switch (this) {
                case PUBLISHED, PUBLISHED_ON_SCHEDULE, UNPUBLISHED, UPDATED, MOVED, OTHER -> true;
                default -> false;
            };
        }

        static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            return code.startsWith("status:") ? (code.equals("status:draft") ? UNPUBLISHED : OTHER) : OTHER;
        }
    }

    @Override
    public List<ChangeRow> rows() {
        return List.of(new ChangeRow(articleId, kind.code(), null));
    }
}
