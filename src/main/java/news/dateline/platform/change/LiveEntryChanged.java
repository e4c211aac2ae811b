package news.dateline.platform.change;

import java.util.List;

/**
 * A live entry was added, edited or deleted. Only the article's own page shows it, and readers with the page open
 * get it pushed.
 */
public record LiveEntryChanged(long articleId, long entryId, Kind kind) implements Change {

    public enum Kind {
        ADDED("live:entry-added"), EDITED("live:entry-edited"), DELETED("live:entry-deleted");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }

    @Override
    public List<ChangeRow> rows() {
        return List.of(new ChangeRow(articleId, kind.code, entryId));
    }
}
