package news.dateline.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.comment.CommentState;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moderation screen's reads: comments of one state, optionally of one article, with the article's title. */
@Repository
class QueueRepository {

    private static final String QUEUED = """
            SELECT c.id, c.article_id, a.headline, s.slug AS section_slug, a.slug, c.parent_id, c.state,
                   c.author_name, c.author_email, c.author_url, c.body, c.staff_account_id, c.reason,
                   c.created_at, c.modified_at
            FROM comment c
            JOIN article a ON a.id = c.article_id
            JOIN section s ON s.id = a.section_id
            """;

    /** An article that has comments, for the filter. */
    record ArticleWithComments(long id, String headline, int comments) {
    }

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many comments are in each state, of one article or all; every state is present. */
    Map<String, Integer> counts(Long articleId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CommentState state : CommentState.values()) {
            counts.put(state.column(), 0);
        }
        jdbc.sql("""
                        SELECT state, COUNT(*) AS n FROM comment
                        WHERE (:article IS NULL OR article_id = :article)
                        GROUP BY state""")
                .param("article", articleId, java.sql.Types.BIGINT)
                .query((rs, n) -> Map.entry(rs.getString("state"), rs.getInt("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Newest first, {@code limit} at a time, continuing below {@code beforeId}. */
    List<QueuedComment> inState(CommentState state, Long articleId, int limit, long beforeId) {
        return jdbc.sql(QUEUED + """
                        WHERE c.state = :state AND c.id < :before AND (:article IS NULL OR c.article_id = :article)
                        ORDER BY c.id DESC LIMIT :limit""")
                .param("state", state.column()).param("before", beforeId)
                .param("article", articleId, java.sql.Types.BIGINT).param("limit", limit)
                .query((rs, n) -> queued(rs))
                .list();
    }

    Optional<QueuedComment> find(long id) {
        return jdbc.sql(QUEUED + "WHERE c.id = :id").param("id", id).query((rs, n) -> queued(rs)).optional();
    }

    List<ArticleWithComments> articlesWithComments(int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.headline, COUNT(*) AS n
                        FROM comment c JOIN article a ON a.id = c.article_id
                        GROUP BY a.id, a.headline
                        ORDER BY MAX(c.id) DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new ArticleWithComments(rs.getLong("id"), rs.getString("headline"), rs.getInt("n")))
                .list();
    }

    Optional<String> headlineOf(long articleId) {
        return jdbc.sql("SELECT headline FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).optional();
    }

    private static QueuedComment queued(java.sql.ResultSet rs) throws java.sql.SQLException {
        long staff = rs.getLong("staff_account_id");
        boolean byStaff = !rs.wasNull();
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new QueuedComment(rs.getLong("id"), rs.getLong("article_id"), rs.getString("headline"),
                Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")), parentId, rs.getString("state"),
                rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url"),
                rs.getString("body"), byStaff, rs.getString("reason"),
                java.time.Instant.ofEpochMilli(rs.getLong("created_at")),
                java.time.Instant.ofEpochMilli(rs.getLong("modified_at")));
    }
}
