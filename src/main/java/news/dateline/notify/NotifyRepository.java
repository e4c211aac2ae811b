package news.dateline.notify;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the notification mails read and the little they keep (migration V24): who was told of which reply. */
@Repository
class NotifyRepository {

    /** A published reply whose parent's author asked to hear of it, with where it can be read. */
    record Reply(long replyId, String replyAuthor, String replyBody, long parentId, String parentEmail,
            String parentEmailKey, String replyEmailKey, String articlePath, String headline) {
    }

    private final JdbcClient jdbc;

    NotifyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The approved replies on an article that nobody has been told of yet, to comments (approved, written since
     * {@code since}) whose authors asked to be told. Oldest first. It runs in every transaction that makes a comment
     * public, so it starts from the article's replies (index {@code comment_reply}; {@code CROSS JOIN} keeps SQLite,
     * which has no statistics, from starting at the site's approved comments instead, one row each per comment).
     */
    List<Reply> untoldReplies(long articleId, Instant since) {
        return jdbc.sql("""
                        SELECT r.id, r.author_name, r.body, r.email_key AS reply_key, p.id AS parent_id,
                               p.author_email, p.email_key AS parent_key, s.slug AS section_slug, a.slug,
                               a.headline
                        FROM comment r
                        CROSS JOIN comment p
                        JOIN article a ON a.id = r.article_id
                        JOIN section s ON s.id = a.section_id
                        WHERE r.article_id = :article AND r.state = 'approved' AND r.parent_id IS NOT NULL
                          AND p.id = r.parent_id
                          AND p.state = 'approved' AND p.notify_replies = TRUE AND p.created_at >= :since
                          AND NOT EXISTS (SELECT 1 FROM reply_notice n WHERE n.reply_id = r.id)
                        ORDER BY r.id""")
                .param("article", articleId).param("since", since.toEpochMilli())
                .query((rs, n) -> new Reply(rs.getLong("id"), rs.getString("author_name"), rs.getString("body"),
                        rs.getLong("parent_id"), rs.getString("author_email"), rs.getString("parent_key"),
                        rs.getString("reply_key"),
                        Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")),
                        rs.getString("headline")))
                .list();
    }

    /**
     * Notes that this reply has been dealt with; false when another transaction noted it first (then it mails
     * nothing: one mail per reply).
     */
    boolean noteTold(long replyId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO reply_notice (reply_id, created_at) VALUES (:reply, :now)
                        ON CONFLICT (reply_id) DO NOTHING""")
                .param("reply", replyId).param("now", now.toEpochMilli()).update() == 1;
    }
}
