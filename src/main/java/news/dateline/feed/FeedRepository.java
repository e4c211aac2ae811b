package news.dateline.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import news.dateline.feed.FeedArticle.Byline;
import news.dateline.feed.FeedArticle.Keyword;
import news.dateline.taxonomy.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stories of a feed, newest first, with their bylines and tags; drafts never. */
@Repository
class FeedRepository {

    private static final String STORIES = """
            SELECT a.id, a.slug, a.headline, a.standfirst, a.body, a.dateline_place, a.published_at, a.updated_at,
                   s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                   s.description AS section_description
            FROM article a JOIN section s ON s.id = a.section_id
            WHERE a.status = 'published' AND a.kind = 'article'
            """;

    private static final String NEWEST_FIRST = " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit";

    /** Counts every story of the scope whatever its status: unpublishing one must change the version. */
    private static final String VERSION = """
            SELECT COALESCE(MAX(a.modified_at), 0) AS newest, COUNT(*) AS stories
            FROM article a
            WHERE 1 = 1
            """;

    private final JdbcClient jdbc;

    FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FeedArticle> latest(FeedScope scope, int limit) {
        var query = jdbc.sql(STORIES + within(scope) + NEWEST_FIRST).param("limit", limit);
        if (scope.kind() != FeedScope.Kind.SITE) {
            query = query.param("scope", scope.id());
        }
        return withBylinesAndTags(query.query((rs, n) -> story(rs)).list());
    }

    FeedVersion version(FeedScope scope, String variant) {
        var query = jdbc.sql(VERSION + within(scope));
        if (scope.kind() != FeedScope.Kind.SITE) {
            query = query.param("scope", scope.id());
        }
        return query.query((rs, n) -> new FeedVersion(rs.getLong("newest"), rs.getLong("stories"), variant))
                .single();
    }

    /** Where a story is listed, whatever its status; empty if there is no such story. */
    Optional<WebSubTopics> topicsOf(long articleId) {
        record Story(boolean published, String sectionSlug) {
        }
        Optional<Story> story = jdbc.sql("""
                        SELECT a.status, s.slug AS section_slug
                        FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.id = :id""")
                .param("id", articleId)
                .query((rs, n) -> new Story("published".equals(rs.getString("status")), rs.getString("section_slug")))
                .optional();
        if (story.isEmpty()) {
            return Optional.empty();
        }
        List<String> tagSlugs = jdbc.sql("""
                        SELECT t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id = :id ORDER BY at.position""")
                .param("id", articleId).query(String.class).list();
        List<String> authorSlugs = jdbc.sql("""
                        SELECT au.slug FROM article_author aa JOIN author au ON au.id = aa.author_id
                        WHERE aa.article_id = :id ORDER BY aa.position""")
                .param("id", articleId).query(String.class).list();
        return Optional.of(new WebSubTopics(story.get().published(), story.get().sectionSlug(), tagSlugs, authorSlugs));
    }

    private static String within(FeedScope scope) {
        return switch (scope.kind()) {
            case SITE -> "";
            case SECTION -> " AND a.section_id = :scope";
            case TAG -> " AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :scope)";
            case AUTHOR -> " AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :scope)";
        };
    }

    private List<FeedArticle> withBylinesAndTags(List<FeedArticle> stories) {
        if (stories.isEmpty()) {
            return stories;
        }
        List<Long> ids = stories.stream().map(FeedArticle::id).toList();
        Map<Long, List<Byline>> bylines = bylinesOf(ids);
        Map<Long, List<Keyword>> tags = tagsOf(ids);
        return stories.stream()
                .map(s -> s.with(bylines.getOrDefault(s.id(), List.of()), tags.getOrDefault(s.id(), List.of())))
                .toList();
    }

    private Map<Long, List<Byline>> bylinesOf(Collection<Long> ids) {
        record Row(long articleId, Byline byline) {
        }
        return jdbc.sql("""
                        SELECT aa.article_id, au.slug, au.name
                        FROM article_author aa JOIN author au ON au.id = aa.author_id
                        WHERE aa.article_id IN (:ids)
                        ORDER BY aa.article_id, aa.position""")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong("article_id"), new Byline(rs.getString("slug"), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::articleId, Collectors.mapping(Row::byline, Collectors.toList())));
    }

    private Map<Long, List<Keyword>> tagsOf(Collection<Long> ids) {
        record Row(long articleId, Keyword keyword) {
        }
        return jdbc.sql("""
                        SELECT at.article_id, t.slug, t.name
                        FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id IN (:ids)
                        ORDER BY at.article_id, at.position""")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong("article_id"), new Keyword(rs.getString("slug"), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::articleId, Collectors.mapping(Row::keyword, Collectors.toList())));
    }

    private static FeedArticle story(ResultSet rs) throws SQLException {
        return new FeedArticle(rs.getLong("id"),
                new Section(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name"),
                        rs.getString("section_description")),
                rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"), rs.getString("body"),
                rs.getString("dateline_place"), instant(rs, "published_at"), instant(rs, "updated_at"),
                List.of(), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
