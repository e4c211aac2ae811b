package news.dateline.account;

import java.time.Instant;
import news.dateline.platform.Role;

/**
 * A newsroom account as other features see it; the password hash stays inside this package.
 * {@code authorId} is the author profile whose byline the person writes under, or null when they have none.
 */
public record Account(long id, String username, Role role, Long authorId, String authorName, boolean disabled,
        Instant createdAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
