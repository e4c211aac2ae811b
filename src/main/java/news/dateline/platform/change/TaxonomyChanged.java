package news.dateline.platform.change;

import java.util.List;

/**
 * Sections or tags were added, renamed, reordered, merged or deleted. Every reader page shows the section
 * navigation or tag names. Stories whose section or tags changed are recorded as {@link StoryChanged} as well.
 */
public record TaxonomyChanged(Kind kind) implements Change {

    public enum Kind {
        SECTION_CREATED("section:created"),
        SECTION_RENAMED("section:renamed"),
        SECTION_MOVED("section:moved"),
        SECTION_DELETED("section:deleted"),
        TAG_CREATED("tag:created"),
        TAG_RENAMED("tag:renamed"),
        TAG_MERGED("tag:merged"),
        TAG_DELETED("tag:deleted"),
        /** An author's profile (name, bio, photo, links): their page and every byline of theirs. */
        AUTHOR_PROFILE_SAVED("author:profile"),
        OTHER("taxonomy");

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
            return OTHER;
        }
    }

    @Override
    public List<ChangeRow> rows() {
        return List.of(new ChangeRow(null, kind.code, null));
    }
}
