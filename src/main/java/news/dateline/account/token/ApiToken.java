package news.dateline.account.token;

import java.time.Instant;
import news.dateline.platform.Role;

/**
 * An admin API token as the tokens screen lists it: never the token itself, which is shown once when it is made.
 * {@code prefix} is its first characters, enough to tell one from another; {@code createdBy} the admin whose
 * account it acts for.
 */
public record ApiToken(long id, String name, String prefix, Role role, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
