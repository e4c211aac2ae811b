package news.dateline.menu;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import news.dateline.page.Page;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The menu_item table, each item read with its target as it is now. Only {@link MenuService} writes. */
@Repository
class MenuRepository {

    private static final String ITEMS = """
            SELECT m.id, m.menu, m.parent_id, m.sort_order, m.label, m.target_kind, m.target_id, m.url,
                   CASE m.target_kind WHEN 'section' THEN s.name WHEN 'page' THEN p.title WHEN 'tag' THEN t.name END
                       AS target_name,
                   CASE m.target_kind WHEN 'section' THEN s.slug WHEN 'page' THEN p.path WHEN 'tag' THEN t.slug END
                       AS target_slug
            FROM menu_item m
            LEFT JOIN section s ON m.target_kind = 'section' AND s.id = m.target_id
            LEFT JOIN page p ON m.target_kind = 'page' AND p.id = m.target_id AND p.status = 'published'
            LEFT JOIN tag t ON m.target_kind = 'tag' AND t.id = m.target_id
            """;

    private final JdbcClient jdbc;

    MenuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A menu's items, top-level items and the items under each in their order. */
    List<MenuItem> items(String menu) {
        return jdbc.sql(ITEMS + " WHERE m.menu = :menu ORDER BY m.sort_order, m.id").param("menu", menu)
                .query(MenuRepository::item).list();
    }

    Optional<MenuItem> item(long id) {
        return jdbc.sql(ITEMS + " WHERE m.id = :id").param("id", id).query(MenuRepository::item).optional();
    }

    boolean exists(MenuItem.Kind kind, long id) {
        String table = switch (kind) {
            case SECTION -> "section";
            case PAGE -> "page";
            case TAG -> "tag";
            case LINK -> throw new IllegalArgumentException("a link has no target row");
        };
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", id).query(Integer.class)
                .single() > 0;
    }

    Optional<Long> idByWpKey(String wpKey) {
        return jdbc.sql("SELECT id FROM menu_item WHERE wp_key = :key").param("key", wpKey).query(Long.class)
                .optional();
    }

    int countOthers(String menu, List<String> wpKeys) {
        if (wpKeys.isEmpty()) {
            return jdbc.sql("SELECT COUNT(*) FROM menu_item WHERE menu = :menu").param("menu", menu)
                    .query(Integer.class).single();
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM menu_item
                        WHERE menu = :menu AND (wp_key IS NULL OR wp_key NOT IN (:keys))""")
                .param("menu", menu).param("keys", wpKeys).query(Integer.class).single();
    }

    long insert(String menu, Long parentId, String label, MenuItem.Kind kind, Long targetId, String url,
            String wpKey) {
        return jdbc.sql("""
                        INSERT INTO menu_item (menu, parent_id, sort_order, label, target_kind, target_id, url, wp_key)
                        VALUES (:menu, :parent, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM menu_item
                                                 WHERE menu = :menu), :label, :kind, :target, :url, :wpKey)
                        RETURNING id""")
                .param("menu", menu).param("parent", parentId).param("label", label).param("kind", kind.column())
                .param("target", targetId).param("url", url).param("wpKey", wpKey)
                .query(Long.class).single();
    }

    void updateLabel(long id, String label) {
        jdbc.sql("UPDATE menu_item SET label = :label WHERE id = :id").param("id", id).param("label", label).update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("UPDATE menu_item SET sort_order = :position WHERE id = :id").param("id", id)
                .param("position", position).update();
    }

    void setParent(long id, Long parentId) {
        jdbc.sql("UPDATE menu_item SET parent_id = :parent WHERE id = :id").param("id", id)
                .param("parent", parentId).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM menu_item WHERE parent_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM menu_item WHERE id = :id").param("id", id).update();
    }

    private static MenuItem item(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long target = rs.getLong("target_id");
        Long targetId = rs.wasNull() ? null : target;
        MenuItem.Kind kind = MenuItem.Kind.fromColumn(rs.getString("target_kind"));
        String slug = rs.getString("target_slug");
        String href = switch (kind) {
            case LINK -> rs.getString("url").isBlank() ? null : rs.getString("url");
            case SECTION -> slug == null ? null : "/" + Slugs.inUrl(slug) + "/";
            case PAGE -> slug == null ? null : Page.PREFIX + Slugs.inUrl(slug);
            case TAG -> slug == null ? null : "/tag/" + Slugs.inUrl(slug);
        };
        return new MenuItem(rs.getLong("id"), rs.getString("menu"), parentId, rs.getInt("sort_order"),
                rs.getString("label"), kind, targetId, rs.getString("url"), rs.getString("target_name"), href);
    }
}
