package news.dateline.menu;

/**
 * One stored item of a menu, with what it points at as found now: {@code targetName} and {@code href} are null
 * when the section, page or tag is gone ({@link #broken}), and a draft page counts as gone for readers.
 */
public record MenuItem(long id, String menu, Long parentId, int position, String label, Kind kind, Long targetId,
        String url, String targetName, String href) {

    public enum Kind {
        SECTION, PAGE, TAG, LINK;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind fromColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A section, page or tag item whose target no longer exists (or a page no longer published). */
    public boolean broken() {
        return kind != Kind.LINK && href == null;
    }

    /** What readers see: the item's own label, else the target's name, else the address. */
    public String shownLabel() {
        if (!label.isBlank()) {
            return label;
        }
        if (targetName != null) {
            return targetName;
        }
        return url;
    }

    /** The warning beside a broken item in the newsroom. */
    public String warning() {
        return switch (kind) {
            case SECTION -> "The section this item pointed at was deleted: readers do not see the item.";
            case PAGE -> "The page this item points at is deleted or not published: readers do not see the item.";
            case TAG -> "The tag this item pointed at was deleted or merged: readers do not see the item.";
            case LINK -> null;
        };
    }
}
