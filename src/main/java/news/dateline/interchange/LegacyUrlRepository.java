package news.dateline.interchange;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where an old WordPress address now lives, from the import's map; only published things are found. */
@Repository
class LegacyUrlRepository {

    private static final String ARTICLE = """
            SELECT '/' || s.slug || '/' || a.slug
            FROM wordpress_import m
            JOIN article a ON a.id = m.local_id
            JOIN section s ON s.id = a.section_id
            WHERE m.kind = 'article' AND a.status = 'published' AND a.kind = :kind AND\s""";
    private static final String NEWEST = " ORDER BY m.imported_at DESC, a.id DESC LIMIT 1";

    private final JdbcClient jdbc;

    LegacyUrlRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code /?p=123} or {@code /?page_id=7}: a page imported as one of the site's pages (news.dateline.page), or
     * one imported before pages existed, as a story of kind page.
     */
    Optional<String> byPostId(long wpId, String kind) {
        if ("page".equals(kind)) {
            Optional<String> page = jdbc.sql("""
                            SELECT '/pages/' || path FROM page WHERE wp_id = :id AND status = 'published'
                            ORDER BY id DESC LIMIT 1""")
                    .param("id", wpId).query(String.class).optional();
            if (page.isPresent()) {
                return page;
            }
        }
        return jdbc.sql(ARTICLE + "m.wp_id = :id" + NEWEST)
                .param("kind", kind).param("id", wpId).query(String.class).optional();
    }

    /** {@code /2024/05/01/some-story/}: WordPress's post name. */
    Optional<String> byPostName(String wpName) {
        return jdbc.sql(ARTICLE + "m.wp_name = :name" + NEWEST)
                .param("kind", "article").param("name", wpName).query(String.class).optional();
    }

    Optional<String> section(String wpSlug) {
        return jdbc.sql("""
                        SELECT '/' || s.slug || '/' FROM wordpress_import m JOIN section s ON s.id = m.local_id
                        WHERE m.kind = 'section' AND m.wp_name = :slug
                        ORDER BY m.imported_at DESC LIMIT 1""")
                .param("slug", wpSlug).query(String.class).optional();
    }

    Optional<String> tag(String wpSlug) {
        return jdbc.sql("""
                        SELECT '/tag/' || t.slug FROM wordpress_import m JOIN tag t ON t.id = m.local_id
                        WHERE m.kind = 'tag' AND m.wp_name = :slug
                        ORDER BY m.imported_at DESC LIMIT 1""")
                .param("slug", wpSlug).query(String.class).optional();
    }
}
