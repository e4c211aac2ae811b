package news.dateline.platform.audit;

import java.time.Instant;

/**
 * One row of the audit log: who ({@code actor}, the username at the time, and the account's id when there was
 * one), what ({@code action} on {@code subject}, with a {@code detail} such as the new role), when and from which
 * address ({@code ""} for the command line and the scheduler).
 */
public record AuditEvent(long id, Instant at, Long actorId, String actor, String actionCode, String subject,
        String detail, String address) {

    /** The action's label, or its stored code when this version does not know it. */
    public String actionLabel() {
        return AuditAction.fromCode(actionCode).map(AuditAction::label).orElse(actionCode);
    }
}
