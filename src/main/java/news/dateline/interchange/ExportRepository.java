package news.dateline.interchange;

import java.util.List;
import news.dateline.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the WXR export reads: everything, articles a page at a time so memory stays flat. */
@Repository
class ExportRepository {

    private final JdbcClient jdbc;

    /** The story's earlier addresses: section slug, slug and when it was retired. */
    List<WxrRecords.OldSlug> oldSlugs(long articleId) {
        return jdbc.sql("""
                        SELECT s.slug AS section, h.slug, h.retired_at FROM article_slug_history h
                        JOIN section s ON s.id = h.section_id WHERE h.article_id = :id ORDER BY h.retired_at, h.slug""")
                .param("id", articleId)
                .query((rs, n) -> new WxrRecords.OldSlug(rs.getString("section"), rs.getString("slug"),
                        rs.getLong("retired_at")))
                .list();
    }

    /** Every live entry of the story, oldest first, deleted ones too (kept so nothing a reporter wrote is lost). */
    List<WxrRecords.LiveEntry> liveEntries(long articleId) {
        return jdbc.sql("""
                        SELECT author_username, created_at, edited_at, deleted_at, key_event, body FROM live_entry
                        WHERE article_id = :id ORDER BY id""")
                .param("id", articleId)
                .query((rs, n) -> new WxrRecords.LiveEntry(rs.getString("author_username"), rs.getLong("created_at"),
                        Rows.millis(Rows.instant(rs, "edited_at")), Rows.millis(Rows.instant(rs, "deleted_at")),
                        rs.getBoolean("key_event"), rs.getString("body")))
                .list();
    }

    /** Every revision of the story, oldest first; its section and bylines by slug, so another site can map them. */
    List<WxrRecords.Revision> revisions(long articleId) {
        return jdbc.sql("""
                        SELECT r.saved_by, r.saved_at, r.kind, s.slug AS section, r.slug, r.headline, r.standfirst,
                               r.body, r.dateline_place, r.source_credit, r.tags, r.author_ids
                        FROM article_revision r JOIN section s ON s.id = r.section_id
                        WHERE r.article_id = :id ORDER BY r.id""")
                .param("id", articleId)
                .query((rs, n) -> {
                    String tags = rs.getString("tags");
                    String authors = rs.getString("author_ids");
                    return new WxrRecords.Revision(rs.getString("saved_by"), rs.getLong("saved_at"),
                            rs.getString("kind"), rs.getString("section"), rs.getString("slug"),
                            rs.getString("headline"), rs.getString("standfirst"), rs.getString("body"),
                            rs.getString("dateline_place"), rs.getString("source_credit"),
                            tags.isEmpty() ? List.of() : List.of(tags.split("\n")),
                            authors.isEmpty() ? List.of() : List.of(authors.split(",")));
                })
                .list().stream()
                .map(r -> new WxrRecords.Revision(r.savedBy(), r.savedAt(), r.kind(), r.section(), r.slug(),
                        r.headline(), r.standfirst(), r.body(), r.place(), r.credit(), r.tags(),
                        r.authors().stream().map(id -> jdbc.sql("SELECT slug FROM author WHERE id = :id")
                                .param("id", Long.parseLong(id.strip())).query(String.class).optional())
                                .flatMap(java.util.Optional::stream).toList()))
                .toList();
    }

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Person(String slug, String name) {
    }

    record Category(String slug, String name, String description, String parentSlug) {
    }

    record Story(long id, String kind, String wpKey, Long wpId, String sectionSlug, String sectionName, String slug, String headline,
            String standfirst, String body, String datelinePlace, String sourceCredit, String status, long createdAt,
            Long publishedAt, Long updatedAt, Long scheduledFor, Long liveSince, Long liveEndedAt) {
    }

    record Reply(long id, Long wpId, Long parentId, String state, String kind, String authorName, String email, String url,
            String ip, String body, long createdAt) {
    }

    List<Person> authors() {
        return jdbc.sql("SELECT slug, name FROM author ORDER BY id").query(Person.class).list();
    }

    List<Category> sections() {
        return jdbc.sql("""
                        SELECT s.slug, s.name, s.description, COALESCE(p.slug, '') AS parent_slug
                        FROM section s LEFT JOIN section p ON p.id = s.parent_id
                        ORDER BY CASE WHEN s.parent_id IS NULL THEN 0 ELSE 1 END, s.id""")
                .query(Category.class).list();
    }

    List<Person> tags() {
        return jdbc.sql("SELECT slug, name FROM tag ORDER BY id").query(Person.class).list();
    }

    /** The highest id a post of the export has (its own, or WordPress's for an imported one); 0 for none. */
    long highestPostId() {
        long own = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM article").query(Long.class).single();
        long wordpress = jdbc.sql("SELECT COALESCE(MAX(wp_id), 0) FROM wordpress_import WHERE kind = 'article'")
                .query(Long.class).single();
        return Math.max(own, wordpress);
    }

    /** The next {@code limit} articles after {@code afterId}, with the WordPress GUID they came with, if any. */
    List<Story> storiesAfter(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.kind, m.wp_key, m.wp_id, s.slug AS section_slug, s.name AS section_name, a.slug,
                               a.headline, a.standfirst, a.body, a.dateline_place, a.source_credit, a.status,
                               a.created_at, a.published_at, a.updated_at, a.scheduled_for, a.live_since, a.live_ended_at
                        FROM article a
                        JOIN section s ON s.id = a.section_id
                        LEFT JOIN wordpress_import m ON m.kind = 'article' AND m.local_id = a.id
                        WHERE a.id > :after
                        ORDER BY a.id LIMIT :limit""")
                .param("after", afterId).param("limit", limit)
                .query(Story.class).list();
    }

    List<String> bylines(long articleId) {
        return jdbc.sql("""
                        SELECT au.slug FROM article_author w JOIN author au ON au.id = w.author_id
                        WHERE w.article_id = :id ORDER BY w.position""")
                .param("id", articleId).query(String.class).list();
    }

    List<Person> tagsOf(long articleId) {
        return jdbc.sql("""
                        SELECT t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id = :id ORDER BY at.position""")
                .param("id", articleId).query(Person.class).list();
    }

    List<Reply> comments(long articleId) {
        return jdbc.sql("""
                        SELECT c.id, m.wp_id, c.parent_id, c.state, c.kind, c.author_name, c.author_email AS email,
                               c.author_url AS url, c.ip, c.body, c.created_at
                        FROM comment c
                        LEFT JOIN wordpress_import m ON m.kind = 'comment' AND m.local_id = c.id
                        WHERE c.article_id = :id ORDER BY c.id""")
                .param("id", articleId).query(Reply.class).list();
    }
}
