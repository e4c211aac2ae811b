package news.dateline.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import news.dateline.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CommentRepository {

    private static final String COLUMNS = """
            SELECT id, article_id, parent_id, state, author_name, author_email, author_url, body,
                   staff_account_id, ip, reason, created_at, modified_at
            FROM comment
            """;

    private static final String DISCUSSION = """
            SELECT a.id, s.slug AS section_slug, a.slug, a.headline, a.published_at,
                   p.moderation, p.close_after_days
            FROM article a
            JOIN section s ON s.id = a.section_id
            LEFT JOIN comment_policy p ON p.article_id = a.id
            """;

    /** What the spam rules know about a commenter from earlier moderation. */
    record History(int approvedByEmail, int spamByEmail, int spamByIp) {
    }

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Discussion> findDiscussion(String sectionSlug, String slug) {
        return jdbc.sql(DISCUSSION + "WHERE s.slug = :section AND a.slug = :slug AND a.status = 'published'")
                .param("section", sectionSlug).param("slug", slug)
                .query((rs, n) -> discussion(rs))
                .optional();
    }

    public Optional<Discussion> findDiscussion(long articleId) {
        return jdbc.sql(DISCUSSION + "WHERE a.id = :id")
                .param("id", articleId)
                .query((rs, n) -> discussion(rs))
                .optional();
    }

    History historyOf(String emailKey, String ip, Instant spamSince) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM comment WHERE email_key = :email AND state = 'approved') AS approved,
                               (SELECT COUNT(*) FROM comment WHERE email_key = :email AND state = 'spam') AS spam_email,
                               (SELECT COUNT(*) FROM comment
                                WHERE ip = :ip AND state = 'spam' AND created_at >= :since) AS spam_ip""")
                .param("email", emailKey).param("ip", ip).param("since", spamSince.toEpochMilli())
                .query((rs, n) -> new History(rs.getInt("approved"), rs.getInt("spam_email"), rs.getInt("spam_ip")))
                .single();
    }

    /** Stores the comment unless the same text from the same email is already on the article: then empty. */
    public Optional<Long> insert(NewComment c) {
        return jdbc.sql("""
                        INSERT INTO comment (article_id, parent_id, state, author_name, author_email, email_key,
                                             author_url, body, staff_account_id, author_token, ip, user_agent,
                                             reason, fingerprint, created_at, modified_at, notify_replies)
                        VALUES (:article, :parent, :state, :name, :email, :emailKey, :url, :body, :staff, :token,
                                :ip, :agent, :reason, :fingerprint, :now, :now, :notify)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("article", c.articleId()).param("parent", c.parentId()).param("state", c.state().column())
                .param("name", c.authorName()).param("email", c.authorEmail())
                .param("emailKey", c.authorEmail().strip().toLowerCase(Locale.ROOT))
                .param("url", c.authorUrl()).param("body", c.body()).param("staff", c.staffAccountId())
                .param("token", c.authorTokenHash()).param("ip", c.ip()).param("agent", c.userAgent())
                .param("reason", c.reason()).param("fingerprint", c.fingerprint())
                .param("now", c.now().toEpochMilli()).param("notify", c.notifyReplies())
                .query(Long.class)
                .optional();
    }

    public Optional<Comment> find(long id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", id).query((rs, n) -> comment(rs)).optional();
    }

    /** The public thread of an article, oldest first. */
    List<Comment> approvedOn(long articleId) {
        return jdbc.sql(COLUMNS + "WHERE article_id = :article AND state = 'approved' ORDER BY created_at, id")
                .param("article", articleId)
                .query((rs, n) -> comment(rs))
                .list();
    }

    /** Comments the holder of this browser token wrote on the article that a moderator has not yet let through. */
    List<Comment> waitingFor(long articleId, String tokenHash) {
        return jdbc.sql(COLUMNS + """
                        WHERE author_token = :token AND article_id = :article AND state IN ('pending', 'spam')
                        ORDER BY created_at, id""")
                .param("token", tokenHash).param("article", articleId)
                .query((rs, n) -> comment(rs))
                .list();
    }

    boolean anyWaiting(String tokenHash) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM comment
                        WHERE author_token = :token AND state IN ('pending', 'spam')""")
                .param("token", tokenHash).query(Long.class).single() > 0;
    }

    /** The moderation queue: newest first, {@code limit} at a time, continuing below {@code beforeId}. */
    public List<Comment> inState(CommentState state, int limit, long beforeId) {
        return jdbc.sql(COLUMNS + """
                        WHERE state = :state AND id < :before
                        ORDER BY id DESC LIMIT :limit""")
                .param("state", state.column()).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> comment(rs))
                .list();
    }

    /**
     * The unsubscribe link: no more reply mails for any comment from the address that wrote this one (the link is
     * the person's, whichever mail it came in). False when there is no such comment.
     */
    public boolean stopReplyMails(long id) {
        Optional<String> emailKey = jdbc.sql("SELECT email_key FROM comment WHERE id = :id").param("id", id)
                .query(String.class).optional();
        emailKey.filter(key -> !key.isEmpty()).ifPresent(key -> jdbc.sql(
                        "UPDATE comment SET notify_replies = FALSE WHERE email_key = :key AND notify_replies = TRUE")
                .param("key", key).update());
        return emailKey.isPresent();
    }

    /** Trashing frees the duplicate fingerprint, so the same words may be said again. */
    public void trash(long id, CommentState before, Instant now) {
        jdbc.sql("""
                        UPDATE comment SET state = 'trash', state_before_trash = :before, fingerprint = NULL,
                                           modified_at = :now
                        WHERE id = :id""")
                .param("before", before.column()).param("now", now.toEpochMilli()).param("id", id).update();
    }

    public void setState(long id, CommentState state, Instant now) {
        jdbc.sql("UPDATE comment SET state = :state, state_before_trash = NULL, modified_at = :now WHERE id = :id")
                .param("state", state.column()).param("now", now.toEpochMilli()).param("id", id).update();
    }

    public Optional<CommentState> stateBeforeTrash(long id) {
        return jdbc.sql("SELECT state_before_trash FROM comment WHERE id = :id")
                .param("id", id).query(String.class).optional().map(CommentState::fromColumn);
    }

    /** Out of the trash: takes its fingerprint back unless another comment now holds it. */
    public void restore(long id, CommentState state, String fingerprint, Instant now) {
        jdbc.sql("""
                        UPDATE comment SET state = :state, state_before_trash = NULL, modified_at = :now,
                               fingerprint = CASE WHEN EXISTS (SELECT 1 FROM comment other
                                                               WHERE other.article_id = comment.article_id
                                                                 AND other.fingerprint = :fingerprint)
                                                  THEN NULL ELSE :fingerprint END
                        WHERE id = :id""")
                .param("state", state.column()).param("fingerprint", fingerprint)
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    /** An edit keeps the fingerprint of the words first sent: the duplicate rule is about what readers post. */
    public void edit(long id, String name, String url, String body, Instant now) {
        jdbc.sql("""
                        UPDATE comment SET author_name = :name, author_url = :url, body = :body, modified_at = :now
                        WHERE id = :id""")
                .param("name", name).param("url", url).param("body", body).param("now", now.toEpochMilli())
                .param("id", id).update();
    }

    public void savePolicy(long articleId, Moderation moderation, Integer closeAfterDays, Instant now) {
        jdbc.sql("""
                        INSERT INTO comment_policy (article_id, moderation, close_after_days, updated_at)
                        VALUES (:article, :moderation, :days, :now)
                        ON CONFLICT (article_id) DO UPDATE SET moderation = excluded.moderation,
                            close_after_days = excluded.close_after_days, updated_at = excluded.updated_at""")
                .param("article", articleId).param("moderation", moderation == null ? null : moderation.column())
                .param("days", closeAfterDays).param("now", now.toEpochMilli())
                .update();
    }

    /** How a newsroom account signs its replies: its author's name when it has one. */
    public Optional<StaffMember> staffMember(String username) {
        return jdbc.sql("""
                        SELECT a.id, COALESCE(au.name, a.username) AS display_name
                        FROM account a LEFT JOIN author au ON au.id = a.author_id
                        WHERE a.username = :username""")
                .param("username", username)
                .query((rs, n) -> new StaffMember(rs.getLong("id"), rs.getString("display_name")))
                .optional();
    }

    public record StaffMember(long accountId, String displayName) {
    }

    private static Discussion discussion(ResultSet rs) throws SQLException {
        String moderation = rs.getString("moderation");
        return new Discussion(rs.getLong("id"), Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")),
                rs.getString("headline"), instant(rs, "published_at"),
                moderation == null ? null : Moderation.fromColumn(moderation), nullableInt(rs, "close_after_days"));
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), nullableLong(rs, "parent_id"),
                CommentState.fromColumn(rs.getString("state")), rs.getString("author_name"),
                rs.getString("author_email"), rs.getString("author_url"), rs.getString("body"),
                nullableLong(rs, "staff_account_id"), rs.getString("ip"), rs.getString("reason"),
                instant(rs, "created_at"), instant(rs, "modified_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
