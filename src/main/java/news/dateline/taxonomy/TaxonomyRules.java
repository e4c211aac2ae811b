package news.dateline.taxonomy;

import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.ReservedPaths;
import news.dateline.platform.Slugs;

/** Names and slugs of sections and tags, and the messages the newsroom shows beside the fields. */
final class TaxonomyRules {

    static final int MAX_NAME = 80;

    static final String NAME_EMPTY = "Please enter a name.";
    static final String NAME_TOO_LONG = "Please keep the name to 80 characters.";
    static final String SLUG_INVALID = "Use lower-case letters, digits and single hyphens, like \"world-news\".";
    static final String SLUG_RESERVED = "\"%s\" is one of the site's own addresses: choose another.";
    static final String SECTION_SLUG_TAKEN = "Another section already uses \"%s\".";
    static final String TAG_SLUG_TAKEN = "Another tag already uses \"%s\": merge into it instead.";
    static final String SECTION_NOT_EMPTY = "\"%s\" still holds %d article(s): move them to another section first.";
    static final String TAG_IN_USE = "\"%s\" is on %d article(s): merge it into another tag instead.";
    static final String MERGE_SAME = "Choose a different tag to merge into.";

    private TaxonomyRules() {
    }

    /** The problems with a name and slug (the slug made from the name when left empty); empty when fine. */
    static Map<String, String> check(String name, String slug, boolean section) {
        Map<String, String> problems = new LinkedHashMap<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            problems.put("name", NAME_EMPTY);
        } else if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            problems.put("name", NAME_TOO_LONG);
        }
        if (!Slugs.VALID.matcher(slug).matches()) {
            problems.put("slug", SLUG_INVALID);
        } else if (section && ReservedPaths.isReserved(slug)) {
            problems.put("slug", SLUG_RESERVED.formatted(slug));
        }
        return problems;
    }

    static String slugFor(String name, String slug) {
        String given = slug == null ? "" : slug.strip();
        return given.isEmpty() && name != null ? Slugs.of(name) : given;
    }
}
