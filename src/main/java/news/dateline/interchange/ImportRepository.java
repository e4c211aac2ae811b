package news.dateline.interchange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The WordPress import's writes: its own SQL, so a whole file goes in within one transaction, and the
 * {@code wordpress_import} map that makes a second import of the same file change nothing.
 */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Optional<Long> mapped(String kind, String wpKey) {
        return jdbc.sql("SELECT local_id FROM wordpress_import WHERE kind = :kind AND wp_key = :key")
                .param("kind", kind).param("key", wpKey)
                .query(Long.class).optional();
    }

    /** What a WordPress number (a term id, a post id) became here, from the newest import that brought it. */
    Optional<Long> mappedById(String kind, long wpId) {
        return jdbc.sql("""
                        SELECT local_id FROM wordpress_import WHERE kind = :kind AND wp_id = :id
                        ORDER BY imported_at DESC LIMIT 1""")
                .param("kind", kind).param("id", wpId).query(Long.class).optional();
    }

    void map(String kind, String wpKey, Long wpId, String wpName, long localId, Instant now) {
        jdbc.sql("""
                        INSERT INTO wordpress_import (kind, wp_key, wp_id, wp_name, local_id, imported_at)
                        VALUES (:kind, :key, :wpId, :wpName, :local, :now)""")
                .param("kind", kind).param("key", wpKey).param("wpId", wpId).param("wpName", wpName)
                .param("local", localId).param("now", now.toEpochMilli())
                .update();
    }

    int countMapped(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM wordpress_import WHERE kind = :kind")
                .param("kind", kind).query(Integer.class).single();
    }

    Optional<Long> idBySlug(String table, String slug) {
        // table is one of our own constants, never input
        return jdbc.sql("SELECT id FROM " + table + " WHERE slug = :slug")
                .param("slug", slug).query(Long.class).optional();
    }

    long insertSection(String slug, String name, String description, Long parentId) {
        return jdbc.sql("""
                        INSERT INTO section (slug, name, description, position, parent_id)
                        VALUES (:slug, :name, :description,
                                (SELECT COALESCE(MAX(position), 0) + 1 FROM section), :parent)
                        RETURNING id""")
                .param("slug", slug).param("name", name).param("description", description).param("parent", parentId)
                .query(Long.class).single();
    }

    long insertTag(String slug, String name) {
        return jdbc.sql("INSERT INTO tag (slug, name) VALUES (:slug, :name) RETURNING id")
                .param("slug", slug).param("name", name)
                .query(Long.class).single();
    }

    long insertAuthor(String slug, String name) {
        return jdbc.sql("INSERT INTO author (slug, name) VALUES (:slug, :name) RETURNING id")
                .param("slug", slug).param("name", name)
                .query(Long.class).single();
    }

    boolean slugTaken(long sectionId, String slug) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM (
                            SELECT slug FROM article WHERE section_id = :section AND slug = :slug
                            UNION ALL
                            SELECT slug FROM article_slug_history WHERE section_id = :section AND slug = :slug) taken""")
                .param("section", sectionId).param("slug", slug)
                .query(Integer.class).single() > 0;
    }

    long insertComment(long articleId, ImportedComment c) {
        return jdbc.sql("""
                        INSERT INTO comment (article_id, state, author_name, author_email, email_key, author_url,
                                             body, ip, reason, kind, created_at, modified_at)
                        VALUES (:article, :state, :name, :email, :emailKey, :url, :body, :ip,
                                'imported from WordPress', :kind, :created, :created)
                        RETURNING id""")
                .param("article", articleId).param("state", c.state()).param("name", c.authorName())
                .param("email", c.email()).param("emailKey", c.email().strip().toLowerCase(Locale.ROOT))
                .param("url", c.url()).param("body", c.body()).param("ip", c.ip()).param("kind", c.kind())
                .param("created", c.date().toEpochMilli())
                .query(Long.class).single();
    }

    void setCommentParent(long commentId, long parentId) {
        jdbc.sql("UPDATE comment SET parent_id = :parent WHERE id = :id")
                .param("parent", parentId).param("id", commentId).update();
    }

    boolean attachmentKnown(String wpKey) {
        return jdbc.sql("SELECT COUNT(*) FROM wordpress_attachment WHERE wp_key = :key")
                .param("key", wpKey).query(Integer.class).single() > 0;
    }

    void insertAttachment(String wpKey, Long wpId, Long wpParentId, String title, String url, Instant now) {
        jdbc.sql("""
                        INSERT INTO wordpress_attachment (wp_key, wp_id, wp_parent_id, title, url, imported_at)
                        VALUES (:key, :wpId, :parent, :title, :url, :now)""")
                .param("key", wpKey).param("wpId", wpId).param("parent", wpParentId).param("title", title)
                .param("url", url).param("now", now.toEpochMilli())
                .update();
    }


    record ImportedComment(String state, String kind, String authorName, String email, String url, String body,
            String ip, Instant date) {
    }
}
