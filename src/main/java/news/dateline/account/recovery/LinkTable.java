package news.dateline.account.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the site's two tables of single-use links have in common: {@code account_link} (a password reset or an
 * invitation, its purpose in the row; {@link AccountLinks}) and {@code email_change} (an address waiting for its
 * owner to confirm it, the address in the row; {@code account.email.EmailChangeRepository}). Each link's token is
 * signed for its purpose ({@link LinkTokens}) and only its hash is stored; a row belongs to one account, expires,
 * and is used at most once. The repositories keep their own names and what their rows mean; the statements they
 * share are here, with the table's name and its one column of its own given by them.
 */
public final class LinkTable {

    /** A row as a followed link finds it; {@code detail} is the table's own column. */
    public record Link(String tokenHash, long accountId, String detail, long expiresAt, Long usedAt) {

        public boolean used() {
            return usedAt != null;
        }

        public boolean expiredAt(long nowMillis) {
            return expiresAt <= nowMillis;
        }
    }

    private final JdbcClient jdbc;
    private final LinkTokens tokens;
    private final Clock clock;
    private final String table;
    private final String detail;

    /** {@code table} and {@code detailColumn} are names written in the calling repository, never a request's. */
    public LinkTable(JdbcClient jdbc, LinkTokens tokens, Clock clock, String table, String detailColumn) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
        this.table = table;
        this.detail = detailColumn;
    }

    /** A new link's token, to put in the mail; the table keeps its hash, the account, the detail and the expiry. */
    public String issue(String purpose, long accountId, String detailValue, Duration validFor) {
        String token = tokens.issue(purpose);
        long now = clock.millis();
        jdbc.sql("INSERT INTO " + table + " (token_hash, account_id, " + detail + ", created_at, expires_at)"
                        + " VALUES (:hash, :account, :detail, :now, :expires)")
                .param("hash", LinkTokens.hash(token)).param("account", accountId).param("detail", detailValue)
                .param("now", now).param("expires", now + validFor.toMillis())
                .update();
        return token;
    }

    /** The row this token stands for, or empty when the site did not sign it for this purpose or has no such row. */
    public Optional<Link> find(String purpose, String token) {
        return tokens.verify(purpose, token).flatMap(hash -> jdbc.sql("SELECT token_hash, account_id, " + detail
                        + " AS detail, expires_at, used_at FROM " + table + " WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> new Link(rs.getString("token_hash"), rs.getLong("account_id"),
                        rs.getString("detail"), rs.getLong("expires_at"),
                        rs.getObject("used_at") == null ? null : rs.getLong("used_at")))
                .optional());
    }

    /** Marks the link used: true for the one request that did so, false if another was first. */
    public boolean use(String tokenHash) {
        return jdbc.sql("UPDATE " + table + " SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", clock.millis()).param("hash", tokenHash).update() == 1;
    }

    /** The account's links not yet used stop working: all of them, or with {@code detailValue} those holding it. */
    public void retireOthers(long accountId, Optional<String> detailValue) {
        jdbc.sql("UPDATE " + table + " SET used_at = :now WHERE account_id = :account AND used_at IS NULL"
                        + (detailValue.isPresent() ? " AND " + detail + " = :detail" : ""))
                .param("now", clock.millis()).param("account", accountId)
                .params(detailValue.map(value -> Map.of("detail", value)).orElse(Map.of()))
                .update();
    }
}
