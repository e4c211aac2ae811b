package news.dateline.live;

import static news.dateline.platform.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.dateline.live.LiveService.ImportedEntry;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Live coverage of articles and their entries. Deleted entries stay in the table and are never read back here. */
@Repository
public class LiveRepository {

    private static final String ENTRY = """
            SELECT id, article_id, body, key_event, author_username, created_at, edited_at
            FROM live_entry
            """;

    private final JdbcClient jdbc;

    LiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LiveCoverage> coverage(long articleId) {
        return jdbc.sql("""
                        SELECT a.id, a.headline, s.slug AS section_slug, a.slug, a.status, a.live_since, a.live_ended_at
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.id = :id""")
                .param("id", articleId)
                .query((rs, n) -> new LiveCoverage(rs.getLong("id"), rs.getString("headline"),
                        Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")),
                        "published".equals(rs.getString("status")), instant(rs, "live_since"), instant(rs, "live_ended_at")))
                .optional();
    }

    /** The entries readers see, newest first. */
    public List<LiveEntry> entries(long articleId) {
        return jdbc.sql(ENTRY + "WHERE article_id = :article AND deleted_at IS NULL ORDER BY id DESC")
                .param("article", articleId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** What a reader who last saw entry {@code afterId} has missed, oldest first (the page puts each on top). */
    public List<LiveEntry> entriesAfter(long articleId, long afterId) {
        return jdbc.sql(ENTRY + "WHERE article_id = :article AND id > :after AND deleted_at IS NULL ORDER BY id")
                .param("article", articleId).param("after", afterId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    public Optional<LiveEntry> find(long entryId) {
        return jdbc.sql(ENTRY + "WHERE id = :id AND deleted_at IS NULL")
                .param("id", entryId)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    /** Whether the account's author profile is on the article's byline. */
    boolean isOnByline(String username, long articleId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM account ac
                        JOIN article_author aa ON aa.author_id = ac.author_id
                        WHERE ac.username = :username AND aa.article_id = :article""")
                .param("username", username).param("article", articleId)
                .query(Long.class).single() > 0;
    }

    long insert(long articleId, String body, boolean keyEvent, String username, Instant now) {
        return jdbc.sql("""
                        INSERT INTO live_entry (article_id, body, key_event, author_username, created_at)
                        VALUES (:article, :body, :key, :username, :now)
                        RETURNING id""")
                .param("article", articleId).param("body", body).param("key", keyEvent)
                .param("username", username).param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    /** An entry brought by an import (Dateline's own export): its author, times and flag as they were there. */
    void insertImported(long articleId, ImportedEntry e) {
        jdbc.sql("""
                        INSERT INTO live_entry (article_id, body, key_event, author_username, created_at, edited_at,
                                                deleted_at)
                        VALUES (:article, :body, :key, :username, :created, :edited, :deleted)""")
                .param("article", articleId).param("body", e.body()).param("key", e.keyEvent())
                .param("username", e.author()).param("created", e.createdAt().toEpochMilli())
                .param("edited", e.editedAt() == null ? null : e.editedAt().toEpochMilli())
                .param("deleted", e.deletedAt() == null ? null : e.deletedAt().toEpochMilli())
                .update();
    }

    void update(long entryId, String body, boolean keyEvent, Instant now) {
        jdbc.sql("UPDATE live_entry SET body = :body, key_event = :key, edited_at = :now WHERE id = :id")
                .param("body", body).param("key", keyEvent).param("now", now.toEpochMilli()).param("id", entryId)
                .update();
    }

    void markDeleted(long entryId, Instant now) {
        jdbc.sql("UPDATE live_entry SET deleted_at = :now WHERE id = :id")
                .param("now", now.toEpochMilli()).param("id", entryId).update();
    }

    private static LiveEntry entry(ResultSet rs) throws SQLException {
        return new LiveEntry(rs.getLong("id"), rs.getLong("article_id"), rs.getString("body"),
                rs.getBoolean("key_event"), rs.getString("author_username"), instant(rs, "created_at"),
                instant(rs, "edited_at"));
    }
}
