package news.dateline.account.email;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import news.dateline.account.recovery.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses waiting for their owner to follow the mailed link (table {@code email_change}, migration V31). The
 * token is signed like the reset links ({@link LinkTokens}); only its hash is stored.
 */
@Repository
class EmailChangeRepository {

    static final String PURPOSE = "email";

    record Pending(long accountId, String email, String tokenHash, long expiresAt, Long usedAt) {
    }

    private final JdbcClient jdbc;
    private final LinkTokens tokens;
    private final Clock clock;

    EmailChangeRepository(JdbcClient jdbc, LinkTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new link's token for {@code email}, to put in the mail. */
    String issue(long accountId, String email, Duration validFor) {
        String token = tokens.issue(PURPOSE);
        long now = clock.millis();
        jdbc.sql("""
                        INSERT INTO email_change (token_hash, account_id, email, created_at, expires_at)
                        VALUES (:hash, :account, :email, :now, :expires)""")
                .param("hash", LinkTokens.hash(token)).param("account", accountId).param("email", email)
                .param("now", now).param("expires", now + validFor.toMillis())
                .update();
        return token;
    }

    /** The waiting change this token stands for, or empty when the site did not sign it or has no such row. */
    Optional<Pending> find(String token) {
        return tokens.verify(PURPOSE, token).flatMap(hash -> jdbc.sql("""
                        SELECT account_id, email, token_hash, expires_at, used_at FROM email_change
                        WHERE token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new Pending(rs.getLong("account_id"), rs.getString("email"),
                        rs.getString("token_hash"), rs.getLong("expires_at"),
                        rs.getObject("used_at") == null ? null : rs.getLong("used_at")))
                .optional());
    }

    /** Marks the link used: true for the one request that did so, false if another was first. */
    boolean use(String tokenHash) {
        return jdbc.sql("UPDATE email_change SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", clock.millis()).param("hash", tokenHash).update() == 1;
    }

    /** Once an address is set, the account's other waiting links stop working. */
    void retireOthers(long accountId) {
        jdbc.sql("UPDATE email_change SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
                .param("now", clock.millis()).param("account", accountId).update();
    }
}
