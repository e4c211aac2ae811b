package news.dateline.account.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links (table {@code account_link}, migration V18): issued for one account and purpose, valid until
 * they expire, used at most once. Only the token's hash is stored ({@link LinkTokens}); the statements are
 * {@link LinkTable}'s, shared with the email address links.
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

    private final LinkTable links;
    private final Clock clock;

    AccountLinks(JdbcClient jdbc, LinkTokens tokens, Clock clock) {
        this.links = new LinkTable(jdbc, tokens, clock, "account_link", "purpose");
        this.clock = clock;
    }

    /** A new link's token, to put in the mail; the database keeps its hash. */
    String issue(String purpose, long accountId, Duration validFor) {
        return links.issue(purpose, accountId, purpose, validFor);
    }

    Check check(String purpose, String token) {
        Optional<LinkTable.Link> link = links.find(purpose, token).filter(row -> row.detail().equals(purpose));
        if (link.isEmpty()) {
            return Unusable.INVALID;
        }
        if (link.get().used()) {
            return Unusable.USED;
        }
        if (link.get().expiredAt(clock.millis())) {
            return Unusable.EXPIRED;
        }
        return new Valid(link.get().accountId(), link.get().tokenHash());
    }

    /** Marks the link used: true for the one request that did so, false if another was first. */
    boolean use(String tokenHash) {
        return links.use(tokenHash);
    }

    /** Once a link was used, the account's other links of that purpose stop working too. */
    void retireOthers(String purpose, long accountId) {
        links.retireOthers(accountId, Optional.of(purpose));
    }
}
