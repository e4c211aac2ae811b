package news.dateline.feed;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sitemaps list: published stories, sections, the tags and authors that have published stories, and
 * published pages (never in the news sitemap; stories of kind page from before pages existed are listed as pages).
 * Each kind is read a file at a time, in a stable order, so that file N keeps its addresses.
 */
@Repository
class SitemapRepository {

    /** What readers are told last changed: the public update if it came after publication. */
    private static final String LAST_CHANGED =
            "CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END";

    private static final String ARTICLES = """
            SELECT '/' || s.slug || '/' || a.slug AS path, %s AS last_changed, a.id AS article_id
            FROM article a JOIN section s ON s.id = a.section_id
            WHERE a.status = 'published' AND a.kind = 'article'
            ORDER BY a.published_at, a.id
            LIMIT :limit OFFSET :offset""".formatted(LAST_CHANGED);

    private static final String SECTIONS = """
            SELECT '/' || s.slug || '/' AS path, MAX(%s) AS last_changed
            FROM section s LEFT JOIN article a ON a.section_id = s.id AND a.status = 'published'
            GROUP BY s.id, s.slug, s.position, s.name
            ORDER BY s.position, s.name, s.id
            LIMIT :limit OFFSET :offset""".formatted(LAST_CHANGED);

    private static final String TAGS = """
            SELECT '/tag/' || t.slug AS path, MAX(%s) AS last_changed
            FROM tag t
            JOIN article_tag at ON at.tag_id = t.id
            JOIN article a ON a.id = at.article_id AND a.status = 'published'
            GROUP BY t.id, t.slug
            ORDER BY t.id
            LIMIT :limit OFFSET :offset""".formatted(LAST_CHANGED);

    private static final String AUTHORS = """
            SELECT '/author/' || au.slug AS path, MAX(%s) AS last_changed
            FROM author au
            JOIN article_author aa ON aa.author_id = au.id
            JOIN article a ON a.id = aa.article_id AND a.status = 'published'
            GROUP BY au.id, au.slug
            ORDER BY au.id
            LIMIT :limit OFFSET :offset""".formatted(LAST_CHANGED);

    /** Published pages (About, Contact…, news.dateline.page): in the sitemap, never in the news sitemap. */
    private static final String PAGES = """
            SELECT '/pages/' || p.path AS path, p.updated_at AS last_changed
            FROM page p
            WHERE p.status = 'published'
            ORDER BY p.id
            LIMIT :limit OFFSET :offset""";

    private final JdbcClient jdbc;

    SitemapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SitemapUrl> page(SitemapKind kind, int limit, int offset) {
        return jdbc.sql(pageQuery(kind))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new SitemapUrl(rs.getString("path"), FeedRepository.instant(rs, "last_changed"),
                        kind == SitemapKind.ARTICLES ? rs.getLong("article_id") : 0))
                .list();
    }

    /** The newest change among the addresses of one file, for the index's {@code lastmod}. */
    Instant newestIn(SitemapKind kind, int limit, int offset) {
        return jdbc.sql("SELECT MAX(p.last_changed) AS newest FROM (" + pageQuery(kind) + ") p")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> FeedRepository.instant(rs, "newest"))
                .single();
    }

    long count(SitemapKind kind) {
        String sql = switch (kind) {
            case ARTICLES -> "SELECT COUNT(*) FROM article WHERE status = 'published' AND kind = 'article'";
            case SECTIONS -> "SELECT COUNT(*) FROM section";
            case TAGS -> """
                    SELECT COUNT(DISTINCT at.tag_id)
                    FROM article_tag at JOIN article a ON a.id = at.article_id AND a.status = 'published'""";
            case AUTHORS -> """
                    SELECT COUNT(DISTINCT aa.author_id)
                    FROM article_author aa JOIN article a ON a.id = aa.article_id AND a.status = 'published'""";
            case PAGES -> "SELECT COUNT(*) FROM page WHERE status = 'published'";
        };
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Published stories first published from {@code since} until {@code until}, newest first. */
    List<NewsItem> publishedBetween(Instant since, Instant until, int limit) {
        return jdbc.sql("""
                        SELECT '/' || s.slug || '/' || a.slug AS path, a.headline, a.published_at
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.status = 'published' AND a.kind = 'article'
                          AND a.published_at >= :since AND a.published_at <= :until
                        ORDER BY a.published_at DESC, a.id DESC
                        LIMIT :limit""")
                .param("since", since.toEpochMilli()).param("until", until.toEpochMilli()).param("limit", limit)
                .query((rs, n) -> new NewsItem(rs.getString("path"), rs.getString("headline"),
                        FeedRepository.instant(rs, "published_at")))
                .list();
    }

    /**
     * The version of every sitemap at once: any story or page changing, in any status, and any section or
     * author appearing changes it.
     */
    FeedVersion version() {
        return jdbc.sql("""
                        SELECT CASE WHEN COALESCE(MAX(modified_at), 0) > (SELECT COALESCE(MAX(updated_at), 0) FROM page)
                                    THEN COALESCE(MAX(modified_at), 0)
                                    ELSE (SELECT COALESCE(MAX(updated_at), 0) FROM page) END AS newest,
                               COUNT(*) + (SELECT COUNT(*) FROM section) + (SELECT COUNT(*) FROM author)
                                   + (SELECT COUNT(*) FROM page) AS items
                        FROM article""")
                .query((rs, n) -> new FeedVersion(rs.getLong("newest"), rs.getLong("items"), "sitemap"))
                .single();
    }

    private static String pageQuery(SitemapKind kind) {
        return switch (kind) {
            case ARTICLES -> ARTICLES;
            case SECTIONS -> SECTIONS;
            case TAGS -> TAGS;
            case AUTHORS -> AUTHORS;
            case PAGES -> PAGES;
        };
    }
}
