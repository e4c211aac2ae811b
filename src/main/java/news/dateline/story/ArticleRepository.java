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
                .query((rs, n) -> "/" + rs.getString("section_slug") + "/" + rs.getString("slug"))
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

    long insert(NewArticle draft, Instant now) {
        return jdbc.sql("""
                        INSERT INTO article (section_id, slug, headline, standfirst, body, dateline_place,
                                             source_credit, status, created_at, modified_at, published_at, updated_at)
                        VALUES (:section, :slug, :headline, :standfirst, :body, :dateline, :source, :status,
                                :now, :now, :publishedAt, :updatedAt)
                        RETURNING id""")
                .param("section", draft.sectionId())
                .param("slug", draft.slug())
                .param("headline", draft.headline())
                .param("standfirst", draft.standfirst())
                .param("body", draft.body())
                .param("dateline", draft.datelinePlace())
                .param("source", draft.sourceCredit())
                .param("status", draft.status().column())
                .param("now", now.toEpochMilli())
                .param("publishedAt", millis(draft.publishedAt()))
                .param("updatedAt", millis(draft.updatedAt()))
                .query(Long.class)
                .single();
    }

    void linkAuthors(long articleId, List<Long> authorIds) {
        for (int i = 0; i < authorIds.size(); i++) {
            jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :b, :p)")
                    .param("a", articleId).param("b", authorIds.get(i)).param("p", i).update();
        }
    }

    void linkTags(long articleId, List<Long> tagIds) {
        for (int i = 0; i < tagIds.size(); i++) {
            jdbc.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (:a, :t, :p)")
                    .param("a", articleId).param("t", tagIds.get(i)).param("p", i).update();
        }
    }

    /** Returns the section id and slug the article had, for the slug history. */
    Optional<Map.Entry<Long, String>> currentAddress(long articleId) {
        return jdbc.sql("SELECT section_id, slug FROM article WHERE id = :id")
                .param("id", articleId)
                .query((rs, n) -> Map.entry(rs.getLong("section_id"), rs.getString("slug")))
                .optional();
    }

    void retireSlug(long articleId, long sectionId, String slug, Instant now) {
        // A slug may come back to an article that used it before: the live address is never a redirect.
        jdbc.sql("DELETE FROM article_slug_history WHERE section_id = :section AND slug = :slug")
                .param("section", sectionId).param("slug", slug).update();
        jdbc.sql("""
                        INSERT INTO article_slug_history (section_id, slug, article_id, retired_at)
                        VALUES (:section, :slug, :article, :now)""")
                .param("section", sectionId).param("slug", slug).param("article", articleId)
                .param("now", now.toEpochMilli()).update();
    }

    void moveTo(long articleId, long sectionId, String slug, Instant now) {
        jdbc.sql("DELETE FROM article_slug_history WHERE section_id = :section AND slug = :slug")
                .param("section", sectionId).param("slug", slug).update();
        jdbc.sql("UPDATE article SET section_id = :section, slug = :slug, modified_at = :now WHERE id = :id")
                .param("section", sectionId).param("slug", slug).param("now", now.toEpochMilli())
                .param("id", articleId).update();
    }

    void setStatus(long articleId, ArticleStatus status, Instant publishedAt, Instant now) {
        jdbc.sql("""
                        UPDATE article SET status = :status, published_at = COALESCE(published_at, :publishedAt),
                                           modified_at = :now
                        WHERE id = :id""")
                .param("status", status.column()).param("publishedAt", millis(publishedAt))
                .param("now", now.toEpochMilli()).param("id", articleId).update();
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
