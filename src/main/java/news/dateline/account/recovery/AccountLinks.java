package news.dateline.account.recovery;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links (table {@code account_link}, migration V18): issued for one account and purpose, valid until
 * they expire, used at most once. Only the token's hash is stored ({@link LinkTokens}).
 */
@Repository
class AccountLinks {

    /** What a link is when someone follows it. */
    sealed interface Check {
    }

    record Valid(long accountId, String tokenHash) implements Check {
    }

    enum Unusable implements Check {
        /** Not a link this site made for this purpose: altered, cut short, or from before the key changed. */
        INVALID,
        EXPIRED,
        USED
    }

    private final JdbcClient jdbc;
    private final LinkTokens tokens;
    private final Clock clock;

    AccountLinks(JdbcClient jdbc, LinkTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new link's token, to put in the mail; the database keeps its hash. */
    String issue(String purpose, long accountId, Duration validFor) {
        String token = tokens.issue(purpose);
        long now = clock.millis();
        jdbc.sql("""
                        INSERT INTO account_link (token_hash, purpose, account_id, created_at, expires_at)
                        VALUES (:hash, :purpose, :account, :now, :expires)""")
                .param("hash", LinkTokens.hash(token)).param("purpose", purpose).param("account", accountId)
                .param("now", now).param("expires", now + validFor.toMillis())
                .update();
        return token;
    }

    Check check(String purpose, String token) {
        var hash = tokens.verify(purpose, token);
        if (hash.isEmpty()) {
            return Unusable.INVALID;
        }
        record Row(long accountId, long expiresAt, Long usedAt) {
        }
        var row = jdbc.sql("""
                        SELECT account_id, expires_at, used_at FROM account_link
                        WHERE token_hash = :hash AND purpose = :purpose""")
                .param("hash", hash.get()).param("purpose", purpose)
                .query((rs, n) -> new Row(rs.getLong("account_id"), rs.getLong("expires_at"),
                        rs.getObject("used_at") == null ? null : rs.getLong("used_at")))
                .optional();
        if (row.isEmpty()) {
            return Unusable.INVALID;
        }
        if (row.get().usedAt() != null) {
            return Unusable.USED;
        }
        if (row.get().expiresAt() <= clock.millis()) {
            return Unusable.EXPIRED;
        }
        return new Valid(row.get().accountId(), hash.get());
    }

    /** Marks the link used: true for the one request that did so, false if another was first. */
    boolean use(String tokenHash) {
        return jdbc.sql("UPDATE account_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", clock.millis()).param("hash", tokenHash).update() == 1;
    }

    /** Once a link was used, the account's other links of that purpose stop working too. */
    void retireOthers(String purpose, long accountId) {
        jdbc.sql("""
                        UPDATE account_link SET used_at = :now
                        WHERE purpose = :purpose AND account_id = :account AND used_at IS NULL""")
                .param("now", clock.millis()).param("purpose", purpose).param("account", accountId).update();
    }
}
