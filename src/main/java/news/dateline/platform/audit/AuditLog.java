package news.dateline.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to write the audit log ({@code audit_event}, append-only). An action is recorded inside the
 * transaction that does it, so a refused or rolled-back action leaves no row and a committed one always has its
 * row. Who is the account passed in, else the one signed in for the current request, else the site itself (the
 * command line, the scheduler); from where is the current request's address (already the client's own when a
 * trusted proxy forwarded it, see edge), or nothing.
 *
 * <p>The only class that writes {@code audit_event} (ArchitectureTest): rows are added here and removed only by
 * the purge of entries past the kept time; a trigger refuses any UPDATE.
 *
 * <p>It lives in platform so that story, account, interchange and the API can all record without using each
 * other; the audit screen that reads it belongs to account.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate alone;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alone = new TransactionTemplate(transactions);
    }

    /** Records what the request's own account did, inside the caller's transaction. */
    public void record(AuditAction action, String subject, String detail) {
        record(signedIn().orElse(ActingAccount.SITE), action, subject, detail);
    }

    /** Records what {@code by} did, inside the caller's transaction. */
    public void record(ActingAccount by, AuditAction action, String subject, String detail) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // Outside the action's transaction the row could commit without the action, or the action without it.
            throw new IllegalStateException("An audited action is recorded inside its own transaction: " + action);
        }
        insert(by.isSite() ? null : by.accountId(), by.username(), action, subject, detail);
    }

    /**
     * Records an action that writes nothing else to the database, in a transaction of its own: a sign-in (the
     * account named, or {@code null} for a failed one with the username as typed in {@code subject}), an export.
     */
    public void recordOnItsOwn(Long accountId, String actor, AuditAction action, String subject, String detail) {
        alone.executeWithoutResult(status -> insert(accountId, actor, action, subject, detail));
    }

    /** Removes the entries from before {@code cutoff} (the daily purge, {@link AuditPurge}); returns how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_event WHERE at < :cutoff").param("cutoff", cutoff.toEpochMilli()).update();
    }

    private void insert(Long accountId, String actor, AuditAction action, String subject, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (at, actor_id, actor, action, subject, detail, address)
                        VALUES (:at, :actorId, :actor, :action, :subject, :detail, :address)""")
                .param("at", clock.millis())
                .param("actorId", accountId)
                .param("actor", clip(actor == null ? "" : actor))
                .param("action", action.code())
                .param("subject", clip(subject == null ? "" : subject))
                .param("detail", clip(detail == null ? "" : detail))
                .param("address", request().map(HttpServletRequest::getRemoteAddr).orElse(""))
                .update();
    }

    /** A typed username or a headline is kept readable, not unbounded: a sign-in form takes anything. */
    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static Optional<ActingAccount> signedIn() {
        return request().flatMap(SignedIn::of)
                .map(s -> new ActingAccount(s.accountId(), s.username(), s.role(), s.authorId()));
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
