package news.dateline.api;

import static news.dateline.platform.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the content API reads: published stories only, in keyset pages, and the sections, tags and authors that
 * readers can reach. Reads only; stories are written by story's ArticleService alone.
 */
@Repository
class ContentRepository {

    /** A story as the API lists it, before bylines and tags are added. */
    record StoryRow(long id, Section section, String slug, String headline, String standfirst, String body,
            String datelinePlace, String sourceCredit, Instant publishedAt, Instant updatedAt, Instant liveSince,
            Instant liveEndedAt) {
    }

    /** What to list: ids of a section, tag and author ({@code null}: any), stories changed since {@code since}. */
    record Filter(Long sectionId, Long tagId, Long authorId, Instant since) {
    }

    /** A name readers can follow, with how many published stories carry it. */
    record Named(long id, String slug, String name, String description, long stories) {
    }

    private static final String STORY = """
            SELECT a.id, a.slug, a.headline, a.standfirst, a.body, a.dateline_place, a.source_credit,
                   a.published_at, a.updated_at, a.live_since, a.live_ended_at,
                   s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
                   s.description AS section_description
            FROM article a JOIN section s ON s.id = a.section_id
            WHERE a.status = 'published' AND a.published_at IS NOT NULL
            """;

    private final JdbcClient jdbc;

    ContentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} stories, newest publication first, after {@code cursor} when there is one. */
    List<StoryRow> stories(Filter filter, Cursor cursor, int limit) {
        return jdbc.sql(STORY + """
                          AND (:section = 0 OR a.section_id = :section)
                          AND (:tag = 0 OR EXISTS (SELECT 1 FROM article_tag t
                                                   WHERE t.article_id = a.id AND t.tag_id = :tag))
                          AND (:author = 0 OR EXISTS (SELECT 1 FROM article_author x
                                                      WHERE x.article_id = a.id AND x.author_id = :author))
                          AND COALESCE(a.updated_at, a.published_at) >= :since
                          AND (a.published_at < :before OR (a.published_at = :before AND a.id < :beforeId))
                        ORDER BY a.published_at DESC, a.id DESC
                        LIMIT :limit""")
                .param("section", filter.sectionId() == null ? 0L : filter.sectionId())
                .param("tag", filter.tagId() == null ? 0L : filter.tagId())
                .param("author", filter.authorId() == null ? 0L : filter.authorId())
                .param("since", filter.since() == null ? Long.MIN_VALUE : filter.since().toEpochMilli())
                .param("before", cursor == null ? Long.MAX_VALUE : cursor.publishedAt().toEpochMilli())
                .param("beforeId", cursor == null ? Long.MAX_VALUE : cursor.id())
                .param("limit", limit)
                .query((rs, n) -> story(rs))
                .list();
    }

    Optional<StoryRow> story(long id) {
        return jdbc.sql(STORY + "  AND a.id = :id").param("id", id).query((rs, n) -> story(rs)).optional();
    }

    /** Tags of many stories in one query, each list in name order. */
    Map<Long, List<Tag>> tagsOf(List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Tagged(long articleId, Tag tag) {
        }
        return jdbc.sql("""
                        SELECT at.article_id, t.id, t.slug, t.name
                        FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id IN (:ids) ORDER BY at.article_id, t.name, t.id""")
                .param("ids", articleIds)
                .query((rs, n) -> new Tagged(rs.getLong("article_id"),
                        new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Tagged::articleId,
                        Collectors.mapping(Tagged::tag, Collectors.toList())));
    }

    List<Named> sections() {
        return jdbc.sql("""
                        SELECT s.id, s.slug, s.name, s.description,
                               (SELECT COUNT(*) FROM article a
                                WHERE a.section_id = s.id AND a.status = 'published') AS stories
                        FROM section s ORDER BY s.position, s.name""")
                .query((rs, n) -> named(rs, rs.getString("description")))
                .list();
    }

    /** Tags on at least one published story: a tag only drafts carry tells readers nothing yet. */
    List<Named> tags() {
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name, COUNT(*) AS stories
                        FROM tag t JOIN article_tag at ON at.tag_id = t.id
                        JOIN article a ON a.id = at.article_id AND a.status = 'published'
                        GROUP BY t.id, t.slug, t.name ORDER BY t.name, t.id""")
                .query((rs, n) -> named(rs, ""))
                .list();
    }

    /** Authors with a byline on at least one published story, with their profile text. */
    List<Named> authors() {
        return jdbc.sql("""
                        SELECT au.id, au.slug, au.name, au.bio, COUNT(*) AS stories
                        FROM author au JOIN article_author aa ON aa.author_id = au.id
                        JOIN article a ON a.id = aa.article_id AND a.status = 'published'
                        GROUP BY au.id, au.slug, au.name, au.bio ORDER BY au.name, au.id""")
                .query((rs, n) -> named(rs, rs.getString("bio")))
                .list();
    }

    /** The revision saved just before {@code revisionId} (updates for review aside): what an update replaced. */
    Optional<Long> revisionBefore(long articleId, long revisionId) {
        return jdbc.sql("""
                        SELECT id FROM article_revision
                        WHERE article_id = :article AND id < :revision AND kind <> 'pending'
                        ORDER BY id DESC LIMIT 1""")
                .param("article", articleId).param("revision", revisionId)
                .query(Long.class).optional();
    }

    Optional<Long> sectionId(String slug) {
        return jdbc.sql("SELECT id FROM section WHERE slug = :slug").param("slug", slug).query(Long.class)
                .optional();
    }

    Optional<Long> tagId(String slug) {
        return jdbc.sql("SELECT id FROM tag WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
    }

    Optional<Long> authorId(String slug) {
        return jdbc.sql("SELECT id FROM author WHERE slug = :slug").param("slug", slug).query(Long.class)
                .optional();
    }

    private static Named named(ResultSet rs, String description) throws SQLException {
        return new Named(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                description == null ? "" : description, rs.getLong("stories"));
    }

    private static StoryRow story(ResultSet rs) throws SQLException {
        return new StoryRow(rs.getLong("id"), Section.from(rs), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body"), rs.getString("dateline_place"),
                rs.getString("source_credit"), instant(rs, "published_at"), instant(rs, "updated_at"),
                instant(rs, "live_since"), instant(rs, "live_ended_at"));
    }
}
