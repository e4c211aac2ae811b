package news.dateline.account.passkey;

import java.time.Instant;

/** One of a staff member's passkeys, as their passkeys screen lists it. {@code lastUsed} is null until used. */
public record Passkey(String id, String name, Instant created, Instant lastUsed, boolean synced) {
}
