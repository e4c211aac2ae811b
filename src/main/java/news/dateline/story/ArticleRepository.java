package news.dateline.story;

import static news.dateline.platform.Rows.instant;
import static news.dateline.platform.Rows.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import news.dateline.platform.Slugs;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.TagRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ArticleRepository {

    private static final String TEASER = """
            SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at,
                   s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                   s.description AS section_description
            FROM article a JOIN section s ON s.id = a.section_id
            """;

    private final JdbcClient jdbc;
    private final AuthorRepository authors;
    private final TagRepository tags;

    ArticleRepository(JdbcClient jdbc, AuthorRepository authors, TagRepository tags) {
        this.jdbc = jdbc;
        this.authors = authors;
        this.tags = tags;
    }

    public Optional<Article> findPublished(String sectionSlug, String slug) {
        return jdbc.sql("""
                        SELECT a.*, s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                               s.description AS section_description
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE s.slug = :section AND a.slug = :slug AND a.status = 'published'""")
                .param("section", sectionSlug).param("slug", slug)
                .query((rs, n) -> article(rs))
                .optional()
                // Bylines and tags are read after the row is mapped, never from inside the row mapper:
                // a nested query there would hold two pooled connections per request and can deadlock the pool.
                .map(a -> a.withBylinesAndTags(authors.bylinesOf(List.of(a.id())).getOrDefault(a.id(), List.of()),
                        tags.tagsOf(a.id())));
    }

    /** Where an article now lives if {@code /section/slug} was one of its earlier addresses. */
    public Optional<String> findMovedPath(String sectionSlug, String oldSlug) {
        return jdbc.sql("""
                        SELECT cs.slug AS section_slug, a.slug
                        FROM article_slug_history h
                        JOIN section hs ON hs.id = h.section_id
                        JOIN article a ON a.id = h.article_id
                        JOIN section cs ON cs.id = a.section_id
                        WHERE hs.slug = :section AND h.slug = :slug AND a.status = 'published'""")
                .param("section", sectionSlug).param("slug", oldSlug)
                .query((rs, n) -> Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")))
                .optional();
    }

    public List<Teaser> latest(int limit, int offset) {
        return withBylines(jdbc.sql(TEASER + """
                        WHERE a.status = 'published' AND a.kind = 'article'
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    public List<Teaser> latestExcept(long articleId, int limit) {
        return withBylines(jdbc.sql(TEASER + """
                        WHERE a.status = 'published' AND a.kind = 'article' AND a.id <> :id
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("id", articleId).param("limit", limit)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    /** The newest stories of every section in one query, for the home page's section blocks. */
    public List<Teaser> latestPerSection(int perSection) {
        return withBylines(jdbc.sql("""
                        SELECT * FROM (
                            SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at,
                                   s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                                   s.description AS section_description, s.position AS section_position,
                                   ROW_NUMBER() OVER (PARTITION BY a.section_id
                                                      ORDER BY a.published_at DESC, a.id DESC) AS rank_in_section
                            FROM article a JOIN section s ON s.id = a.section_id
                            WHERE a.status = 'published' AND a.kind = 'article'
                        ) ranked
                        WHERE rank_in_section <= :perSection
                        ORDER BY section_position, section_name, rank_in_section""")
                .param("perSection", perSection)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    public List<Teaser> inSection(long sectionId, int limit, int offset) {
        return withBylines(jdbc.sql(TEASER + """
                        WHERE a.status = 'published' AND a.section_id = :section
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
                .param("section", sectionId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    public int countInSection(long sectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'published' AND section_id = :section")
                .param("section", sectionId).query(Integer.class).single();
    }

    public List<Teaser> taggedWith(long tagId, int limit, int offset) {
        return withBylines(jdbc.sql(TEASER + """
                        JOIN article_tag t ON t.article_id = a.id AND t.tag_id = :tag
                        WHERE a.status = 'published'
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
                .param("tag", tagId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    public int countTaggedWith(long tagId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM article a JOIN article_tag t ON t.article_id = a.id
                        WHERE a.status = 'published' AND t.tag_id = :tag""")
                .param("tag", tagId).query(Integer.class).single();
    }

    public List<Teaser> byAuthor(long authorId, int limit, int offset) {
        return withBylines(jdbc.sql(TEASER + """
                        JOIN article_author w ON w.article_id = a.id AND w.author_id = :author
                        WHERE a.status = 'published'
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
                .param("author", authorId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    public int countByAuthor(long authorId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM article a JOIN article_author w ON w.article_id = a.id
                        WHERE a.status = 'published' AND w.author_id = :author""")
                .param("author", authorId).query(Integer.class).single();
    }

    /**
     * Published stories that share tags or the section with this one: two points a shared tag, one for
     * the same section, the newer story first on equal scores. Stories sharing neither are not related.
     */
    public List<Teaser> related(Article article, int limit) {
        return withBylines(jdbc.sql("""
                        SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at,
                               s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                               s.description AS section_description,
                               2 * COALESCE(shared.tags, 0)
                                 + CASE WHEN a.section_id = :section THEN 1 ELSE 0 END AS score
                        FROM article a
                        JOIN section s ON s.id = a.section_id
                        LEFT JOIN (SELECT other.article_id, COUNT(*) AS tags
                                   FROM article_tag mine JOIN article_tag other ON other.tag_id = mine.tag_id
                                   WHERE mine.article_id = :id
                                   GROUP BY other.article_id) shared ON shared.article_id = a.id
                        WHERE a.status = 'published' AND a.kind = 'article' AND a.id <> :id
                          AND (shared.tags IS NOT NULL OR a.section_id = :section)
                        ORDER BY score DESC, a.published_at DESC, a.id DESC
                        LIMIT :limit""")
                .param("id", article.id()).param("section", article.section().id()).param("limit", limit)
                .query((rs, n) -> teaser(rs))
                .list());
    }

    /** The stories among {@code ids} that are published, in the order given (search hits, Related News). */
    public List<Teaser> publishedTeasers(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Teaser> found = withBylines(jdbc.sql(TEASER + """
                        WHERE a.status = 'published' AND a.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> teaser(rs))
                .list()).stream()
                .collect(Collectors.toMap(Teaser::id, t -> t));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), Section.from(rs), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body"), rs.getString("dateline_place"),
                rs.getString("source_credit"), ArticleStatus.fromColumn(rs.getString("status")),
                instant(rs, "published_at"), instant(rs, "updated_at"), List.of(), List.of());
    }

    private static Teaser teaser(ResultSet rs) throws SQLException {
        return new Teaser(rs.getLong("id"), Section.from(rs), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), instant(rs, "published_at"), instant(rs, "updated_at"), List.of());
    }

    private List<Teaser> withBylines(List<Teaser> teasers) {
        Map<Long, List<Author>> bylines = authors.bylinesOf(teasers.stream().map(Teaser::id).toList());
        return teasers.stream().map(t -> t.withAuthors(bylines.getOrDefault(t.id(), List.of()))).toList();
    }
}
