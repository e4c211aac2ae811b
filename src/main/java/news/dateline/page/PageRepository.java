package news.dateline.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The page, page_revision and page_path_history tables. Only {@link PageService} writes. */
@Repository
public class PageRepository {

    private static final String COLUMNS = """
            SELECT id, parent_id, slug, path, title, body, status, updated_at, published_at FROM page""";

    private final JdbcClient jdbc;

    PageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Page> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(PageRepository::page).optional();
    }

    public Optional<Page> byPath(String path) {
        return jdbc.sql(COLUMNS + " WHERE path = :path").param("path", path).query(PageRepository::page).optional();
    }

    /** The current page of an address it had before, if any. */
    public Optional<Page> byOldPath(String path) {
        return jdbc.sql(COLUMNS + " WHERE id = (SELECT page_id FROM page_path_history WHERE path = :path)")
                .param("path", path).query(PageRepository::page).optional();
    }

    /** Every page in tree order (a parent before its children, each level by position then title). */
    public List<Page> all() {
        return jdbc.sql(COLUMNS + " ORDER BY path").query(PageRepository::page).list();
    }

    /** Published pages, for the sitemap and menus. */
    public List<Page> published() {
        return jdbc.sql(COLUMNS + " WHERE status = 'published' ORDER BY path").query(PageRepository::page).list();
    }

    public List<Page> children(long parentId) {
        return jdbc.sql(COLUMNS + " WHERE parent_id = :id ORDER BY title").param("id", parentId)
                .query(PageRepository::page).list();
    }

    public List<PageRevision> revisions(long pageId) {
        return jdbc.sql("""
                        SELECT id, page_id, title, slug, body, saved_by, saved_at FROM page_revision
                        WHERE page_id = :id ORDER BY id DESC""")
                .param("id", pageId)
                .query((rs, n) -> new PageRevision(rs.getLong("id"), rs.getLong("page_id"), rs.getString("title"),
                        rs.getString("slug"), rs.getString("body"), rs.getString("saved_by"),
                        Instant.ofEpochMilli(rs.getLong("saved_at"))))
                .list();
    }

    public Optional<Long> idByWpKey(String wpKey) {
        return jdbc.sql("SELECT id FROM page WHERE wp_key = :key").param("key", wpKey).query(Long.class).optional();
    }

    public Optional<Long> idByWpId(long wpId) {
        return jdbc.sql("SELECT id FROM page WHERE wp_id = :id ORDER BY id").param("id", wpId).query(Long.class)
                .optional();
    }

    long insert(Long parentId, String slug, String path, String title, String body, boolean published, Instant now,
            String wpKey, Long wpId) {
        return jdbc.sql("""
                        INSERT INTO page (parent_id, slug, path, title, body, status, created_at, updated_at,
                                          published_at, wp_key, wp_id)
                        VALUES (:parent, :slug, :path, :title, :body, :status, :now, :now, :published, :wpKey, :wpId)
                        RETURNING id""")
                .param("parent", parentId).param("slug", slug).param("path", path).param("title", title)
                .param("body", body).param("status", published ? "published" : "draft")
                .param("now", now.toEpochMilli()).param("published", published ? now.toEpochMilli() : null)
                .param("wpKey", wpKey).param("wpId", wpId)
                .query(Long.class).single();
    }

    void update(long id, Long parentId, String slug, String path, String title, String body, boolean published,
            Instant now) {
        jdbc.sql("""
                        UPDATE page SET parent_id = :parent, slug = :slug, path = :path, title = :title, body = :body,
                               status = :status, updated_at = :now,
                               published_at = CASE WHEN :published THEN COALESCE(published_at, :now) ELSE NULL END
                        WHERE id = :id""")
                .param("id", id).param("parent", parentId).param("slug", slug).param("path", path)
                .param("title", title).param("body", body).param("status", published ? "published" : "draft")
                .param("now", now.toEpochMilli()).param("published", published)
                .update();
    }

    /** Moves a page's path (and so its children's, which start with it), keeping the old ones answering if asked. */
    void movePath(String from, String to, Instant now, boolean keepOld) {
        if (keepOld) {
            jdbc.sql("""
                        INSERT INTO page_path_history (path, page_id, retired_at)
                        SELECT path, id, :now FROM page WHERE path = :from OR path LIKE :below ESCAPE '\\'""")
                    .param("from", from).param("below", likePrefix(from)).param("now", now.toEpochMilli()).update();
        }
        jdbc.sql("""
                        UPDATE page SET path = :to || SUBSTR(path, :cut)
                        WHERE path = :from OR path LIKE :below ESCAPE '\\'""")
                .param("to", to).param("cut", from.length() + 1).param("from", from).param("below", likePrefix(from))
                .update();
        // An address given up before and now taken again belongs to the page that holds it.
        jdbc.sql("DELETE FROM page_path_history WHERE path IN (SELECT path FROM page)").update();
    }

    void forgetOldPath(String path) {
        jdbc.sql("DELETE FROM page_path_history WHERE path = :path").param("path", path).update();
    }

    void insertRevision(long pageId, String title, String slug, String body, String savedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO page_revision (page_id, title, slug, body, saved_by, saved_at)
                        VALUES (:page, :title, :slug, :body, :by, :now)""")
                .param("page", pageId).param("title", title).param("slug", slug).param("body", body)
                .param("by", savedBy).param("now", now.toEpochMilli()).update();
    }

    void delete(long id) {
        jdbc.sql("UPDATE page SET parent_id = NULL WHERE parent_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM page WHERE id = :id").param("id", id).update();
    }

    /** {@code about/} for a LIKE, with LIKE's own characters escaped. */
    private static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    private static Page page(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Page(rs.getLong("id"), parentId, rs.getString("slug"), rs.getString("path"),
                rs.getString("title"), rs.getString("body"), "published".equals(rs.getString("status")),
                Rows.instant(rs, "updated_at"), Rows.instant(rs, "published_at"));
    }
}
