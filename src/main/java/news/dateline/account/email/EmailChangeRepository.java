package news.dateline.account.email;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import news.dateline.account.recovery.LinkTable;
import news.dateline.account.recovery.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses waiting for their owner to follow the mailed link (table {@code email_change}, migration V31). The
 * token is signed like the reset links ({@link LinkTokens}); only its hash is stored. The statements are
 * {@link LinkTable}'s, shared with the reset and invitation links; the row holds the address instead of a purpose.
 */
@Repository
class EmailChangeRepository {

    static final String PURPOSE = "email";

    record Pending(long accountId, String email, String tokenHash, long expiresAt, Long usedAt) {
    }

    private final LinkTable links;

    EmailChangeRepository(JdbcClient jdbc, LinkTokens tokens, Clock clock) {
        this.links = new LinkTable(jdbc, tokens, clock, "email_change", "email");
    }

    /** A new link's token for {@code email}, to put in the mail. */
    String issue(long accountId, String email, Duration validFor) {
        return links.issue(PURPOSE, accountId, email, validFor);
    }

    /** The waiting change this token stands for, or empty when the site did not sign it or has no such row. */
    Optional<Pending> find(String token) {
        return links.find(PURPOSE, token).map(link -> new Pending(link.accountId(), link.detail(), link.tokenHash(),
                link.expiresAt(), link.usedAt()));
    }

    /** Marks the link used: true for the one request that did so, false if another was first. */
    boolean use(String tokenHash) {
        return links.use(tokenHash);
    }

    /** Once an address is set, the account's other waiting links stop working. */
    void retireOthers(long accountId) {
        links.retireOthers(accountId, Optional.empty());
    }
}
