package news.dateline.platform.change;

import java.util.List;

/**
 * What the site shows around the stories changed: the front page's choices (lead, top stories, section pins), the
 * breaking-news banner, or the site's settings (name, tagline, logo, footer). Not about one article, so one row
 * with no article; the page cache drops what shows it, and other nodes reload what they keep in memory.
 */
public record SiteChanged(Kind kind) implements Change {

    public enum Kind {
        /** Lead, top stories or a section's pin: the home page and the section pages. */
        FRONT("site:front"),
        /** The banner was set, changed or ended: every reader page shows it. */
        BANNER("site:banner"),
        /** Name, tagline, logo, language, footer…: every reader page and feed shows them. */
        SETTINGS("site:settings");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The kind a stored code stands for, or null when the code is not one of these. */
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
