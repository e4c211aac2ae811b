package news.dateline.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moderators' digest (migration V24's {@code notify_digest}) and what it reads: held comments, who gets it. */
@Repository
class DigestRepository {

    static final String HELD_COMMENTS = "held-comments";

    /** When the last digest went out and the newest held comment it covered. */
    record LastDigest(long sentAt, long lastCommentId) {
    }

    /** A held comment as the digest shows it. */
    record Held(long id, String authorName, String body, String headline) {
    }

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last digest; none yet: a row that is not there. */
    Optional<LastDigest> last() {
        return jdbc.sql("SELECT last_sent_at, last_comment_id FROM notify_digest WHERE name = :name")
                .param("name", HELD_COMMENTS)
                .query((rs, n) -> new LastDigest(rs.getLong("last_sent_at"), rs.getLong("last_comment_id")))
                .optional();
    }

    /**
     * Takes the next digest: true for the one transaction whose write still found the row as {@code last}. On
     * PostgreSQL a second node's update waits for the first's row lock and then finds the row changed; on SQLite
     * the second writer waits for the first to commit before it reads at all.
     */
    boolean claim(Optional<LastDigest> last, Instant now, long newestHeld) {
        if (last.isEmpty()) { // the first digest: a second node's insert waits for this one and then does nothing
            return jdbc.sql("""
                            INSERT INTO notify_digest (name, last_sent_at, last_comment_id)
                            VALUES (:name, :now, :newest)
                            ON CONFLICT (name) DO NOTHING""")
                    .param("name", HELD_COMMENTS).param("now", now.toEpochMilli()).param("newest", newestHeld)
                    .update() == 1;
        }
        LastDigest seen = last.get();
        return jdbc.sql("""
                        UPDATE notify_digest SET last_sent_at = :now, last_comment_id = :newest
                        WHERE name = :name AND last_sent_at = :seenAt AND last_comment_id = :seenId""")
                .param("now", now.toEpochMilli()).param("newest", newestHeld).param("name", HELD_COMMENTS)
                .param("seenAt", seen.sentAt()).param("seenId", seen.lastCommentId())
                .update() == 1;
    }

    Optional<Long> newestHeld() {
        return jdbc.sql("SELECT MAX(id) FROM comment WHERE state = 'pending'").query(Long.class).optional();
    }

    long heldCount() {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE state = 'pending'").query(Long.class).single();
    }

    long heldSince(long afterId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE state = 'pending' AND id > :after")
                .param("after", afterId).query(Long.class).single();
    }

    /** The first held comments after {@code afterId}, oldest first. */
    List<Held> firstHeld(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.author_name, c.body, a.headline
                        FROM comment c JOIN article a ON a.id = c.article_id
                        WHERE c.state = 'pending' AND c.id > :after
                        ORDER BY c.id LIMIT :limit""")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Held(rs.getLong("id"), rs.getString("author_name"), rs.getString("body"),
                        rs.getString("headline")))
                .list();
    }

    /** Editors and administrators with an address who have not turned the digest off. */
    List<String> moderatorAddresses() {
        return jdbc.sql("""
                        SELECT a.email FROM account a
                        LEFT JOIN notify_preference p ON p.account_id = a.id
                        WHERE a.role IN ('admin', 'editor') AND a.email IS NOT NULL AND a.disabled = FALSE
                          AND (p.held_digest IS NULL OR p.held_digest = TRUE)
                        ORDER BY a.id""")
                .query(String.class).list();
    }
}
