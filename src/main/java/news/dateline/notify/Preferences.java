package news.dateline.notify;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A staff member's own choice of notification mails ({@code notify_preference}, V24): the held-comments digest
 * (editors and administrators) and mail about their stories (authors). No row: both on.
 */
@Repository
public class Preferences {

    public record Choice(boolean heldDigest, boolean storyMail) {
        static final Choice DEFAULT = new Choice(true, true);
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Choice of(long accountId) {
        return jdbc.sql("SELECT held_digest, story_mail FROM notify_preference WHERE account_id = :id")
                .param("id", accountId)
                .query((rs, n) -> new Choice(rs.getBoolean("held_digest"), rs.getBoolean("story_mail")))
                .optional().orElse(Choice.DEFAULT);
    }

    void save(long accountId, Choice choice, Instant now) {
        jdbc.sql("""
                        INSERT INTO notify_preference (account_id, held_digest, story_mail, updated_at)
                        VALUES (:id, :digest, :story, :now)
                        ON CONFLICT (account_id) DO UPDATE SET held_digest = excluded.held_digest,
                            story_mail = excluded.story_mail, updated_at = excluded.updated_at""")
                .param("id", accountId).param("digest", choice.heldDigest()).param("story", choice.storyMail())
                .param("now", now.toEpochMilli())
                .update();
    }
}
