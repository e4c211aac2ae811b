package news.dateline.platform.change;

import java.util.List;

/**
 * A page (About, Contact…) or a menu was saved, deleted or imported. Pages are linked from the menus on every
 * reader page, and a menu is on every reader page, so readers' pages all follow. No story changed, so the search
 * index has nothing to do.
 */
public record SiteContentChanged(Kind kind) implements Change {

    public enum Kind {
        PAGE_SAVED("page:saved"),
        PAGE_DELETED("page:deleted"),
        PAGES_IMPORTED("page:imported"),
        MENU_SAVED("menu:saved");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The kind a stored code names, or null when the code is not one of these. */
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
        return List.of(new ChangeRow(null, kind.code, null));
    }
}
