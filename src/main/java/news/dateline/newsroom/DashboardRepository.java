package news.dateline.newsroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the dashboard shows: a few counts and short lists, each one indexed query. */
@Repository
class DashboardRepository {

    private static final String STORY = """
            SELECT a.id, a.headline, s.slug AS section_slug, a.slug, %s AS at
            FROM article a JOIN section s ON s.id = a.section_id
            """;

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DashboardCounts counts() {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM article WHERE status = 'draft') AS drafts,
                               (SELECT COUNT(*) FROM article WHERE status = 'scheduled') AS scheduled,
                               (SELECT COUNT(*) FROM article WHERE status = 'published') AS published,
                               (SELECT COUNT(*) FROM comment WHERE state = 'pending') AS pending_comments,
                               (SELECT COUNT(*) FROM article WHERE pending_revision_id IS NOT NULL) AS pending_updates""")
                .query((rs, n) -> new DashboardCounts(rs.getLong("drafts"), rs.getLong("scheduled"),
                        rs.getLong("published"), rs.getLong("pending_comments"), rs.getLong("pending_updates")))
                .single();
    }

    List<DashboardStory> recentDrafts(int limit) {
        return jdbc.sql(STORY.formatted("a.modified_at") + """
                        WHERE a.status = 'draft' ORDER BY a.modified_at DESC, a.id DESC LIMIT :limit""")
                .param("limit", limit).query(DashboardRepository::story).list();
    }

    /** Drafts bylined to this author profile, most recently edited first. */
    List<DashboardStory> draftsBy(long authorId, int limit) {
        return jdbc.sql(STORY.formatted("a.modified_at") + """
                        JOIN article_author aa ON aa.article_id = a.id AND aa.author_id = :author
                        WHERE a.status = 'draft' ORDER BY a.modified_at DESC, a.id DESC LIMIT :limit""")
                .param("author", authorId).param("limit", limit).query(DashboardRepository::story).list();
    }

    /** Next to go out first. */
    List<DashboardStory> scheduled(int limit) {
        return jdbc.sql(STORY.formatted("a.scheduled_for") + """
                        WHERE a.status = 'scheduled' ORDER BY a.scheduled_for, a.id LIMIT :limit""")
                .param("limit", limit).query(DashboardRepository::story).list();
    }

    List<DashboardStory> recentlyPublished(int limit) {
        return jdbc.sql(STORY.formatted("a.published_at") + """
                        WHERE a.status = 'published' ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("limit", limit).query(DashboardRepository::story).list();
    }

    /** Updates waiting for review, the longest-waiting first: the queue an editor works through. */
    List<PendingUpdate> pendingUpdates(int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.headline, r.id AS revision_id, r.saved_by, r.saved_at
                        FROM article a JOIN article_revision r ON r.id = a.pending_revision_id
                        ORDER BY r.saved_at, r.id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new PendingUpdate(rs.getLong("id"), rs.getString("headline"),
                        rs.getLong("revision_id"), rs.getString("saved_by"),
                        Instant.ofEpochMilli(rs.getLong("saved_at"))))
                .list();
    }

    private static DashboardStory story(ResultSet rs, int row) throws SQLException {
        long at = rs.getLong("at");
        // wasNull speaks of the last column read, so it is asked straight after "at"
        Instant when = rs.wasNull() ? null : Instant.ofEpochMilli(at);
        return new DashboardStory(rs.getLong("id"), rs.getString("headline"), rs.getString("section_slug"),
                rs.getString("slug"), when);
    }
}
