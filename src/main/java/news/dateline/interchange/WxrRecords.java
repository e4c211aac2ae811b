package news.dateline.interchange;

import java.util.List;
import java.util.Map;

/** What a WordPress export holds, one record at a time as the reader streams it (nothing else is kept). */
final class WxrRecords {

    private WxrRecords() {
    }

    record Author(String login, String email, String displayName) {
    }

    /** A category or a tag from the channel; {@code parentSlug} is empty at the top level. */
    record Term(Taxonomy taxonomy, Long termId, String slug, String name, String parentSlug, String description) {
    }

    enum Taxonomy { CATEGORY, TAG }

    /** A category or tag an item is filed under, as {@code <category domain nicename>} names it. */
    record ItemTerm(Taxonomy taxonomy, String slug, String name) {
    }

    /** A post, page, attachment or any other post type; dates are WordPress's "yyyy-MM-dd HH:mm:ss" text. */
    record Item(int line, String title, String link, String creator, String guid, String content, String excerpt,
            String postId, String postDate, String postDateGmt, String postName, String status, String postType,
            String postParent, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta,
            List<Comment> comments, String postPassword, List<Correction> corrections, List<OldSlug> oldSlugs,
            Live live, List<LiveEntry> liveEntries, List<Revision> revisions) {
    }

    /**
     * One saved version of one of our stories ({@code dateline:revision}): who saved it, when (epoch millis), the
     * kind of save, and the snapshot, its section and bylines by slug.
     */
    record Revision(String savedBy, long savedAt, String kind, String section, String slug, String headline,
            String standfirst, String body, String place, String credit, List<String> tags, List<String> authors) {
    }

    /** When one of our stories was covered live ({@code dateline:live}); {@code endedAt} null while it still is. */
    record Live(long since, Long endedAt) {
    }

    /** One live entry of a story ({@code dateline:live_entry}); edited and deleted times are null when never. */
    record LiveEntry(String author, long createdAt, Long editedAt, Long deletedAt, boolean keyEvent, String body) {
    }

    /** An earlier address of one of our stories ({@code dateline:} namespace): its section's slug, slug, when retired. */
    record OldSlug(String section, String slug, long retiredAt) {
    }

    /** A correction on one of our stories, from our own {@code dateline:} namespace: when (epoch millis), and the note. */
    record Correction(long at, String note) {
    }

    record Comment(String commentId, String author, String email, String url, String ip, String date,
            String dateGmt, String content, String approved, String type, String parent, Map<String, String> meta) {
    }
}
