package news.dateline.account.email;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.account.Account;
import news.dateline.account.AccountMessages;
import news.dateline.account.Accounts;
import news.dateline.account.Emails;
import news.dateline.mail.Letters;
import news.dateline.mail.Outbox;
import news.dateline.platform.Refusal;
import news.dateline.platform.SharedRateCounter;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting an account's email address (docs/mail.md). Its owner proves the password and then the new address:
 * only following the signed, single-use link mailed there (valid 24 hours) changes it, and the old address, if
 * any, is told. An administrator sets another account's address directly. Both are audited; the address rules
 * (shape, one account per address) are {@link Accounts#changeEmail}'s.
 */
@Service
class EmailChanges {

    static final Duration VALID_FOR = Duration.ofHours(24);
    /** A signed-in account may not use the site to mail links to any address it likes, so links are counted. */
    static final int LINKS_PER_HOUR = 5;

    /** What a confirmation link is when someone follows it. */
    enum Unusable {
        INVALID, EXPIRED, USED, OTHER_ACCOUNT
    }

    /** A link's check: the change waiting behind it, or why it cannot be used. */
    record Check(EmailChangeRepository.Pending pending, Unusable unusable) {
    }

    private final Accounts accounts;
    private final EmailChangeRepository changes;
    private final Letters letters;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final SharedRateCounter limits;

    EmailChanges(Accounts accounts, EmailChangeRepository changes, Letters letters, Outbox outbox, AuditLog audit,
            Clock clock, SharedRateCounter limits) {
        this.accounts = accounts;
        this.changes = changes;
        this.letters = letters;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
    }

    /** Mails the link to the new address; returns it normalised. Refused, naming the field, when it cannot be. */
    @Transactional
    String request(long accountId, String email, String currentPassword) {
        Account account = accounts.find(accountId).orElseThrow(() -> Refusal.notFound("No such account."));
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> address = Emails.normalise(email);
        if (email == null || email.isBlank()) {
            problems.put("email", EmailMessages.EMAIL_REQUIRED);
        } else if (address.isEmpty()) {
            problems.put("email", AccountMessages.EMAIL_SHAPE);
        } else if (address.equals(accounts.email(accountId))) {
            problems.put("email", EmailMessages.SAME_ADDRESS);
        } else if (accounts.findByEmail(address.get()).filter(other -> other.id() != accountId).isPresent()) {
            problems.put("email", AccountMessages.EMAIL_TAKEN);
        }
        if (!accounts.passwordIs(accountId, currentPassword)) {
            problems.put("current", AccountMessages.CURRENT_PASSWORD_WRONG);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Optional<Duration> wait = limits.tryHit("email-change", String.valueOf(accountId), LINKS_PER_HOUR,
                Duration.ofHours(1));
        if (wait.isPresent()) {
            String message = EmailMessages.TOO_OFTEN.formatted(Math.max(1, wait.get().toMinutes()));
            throw Refusal.tooOften(message, Map.of("email", message), wait.get());
        }
        String token = changes.issue(accountId, address.get(), VALID_FOR);
        outbox.queue(letters.letter(address.get(), EmailMessages.CONFIRM_SUBJECT,
                List.of(EmailMessages.CONFIRM_ASKED.formatted(account.username()), EmailMessages.CONFIRM_ONCE),
                new Letters.Action(EmailMessages.CONFIRM_ACTION, letters.link("/newsroom/email/confirm/" + token)),
                EmailMessages.CONFIRM_WHY));
        return address.get();
    }

    Check check(String token, long signedInAccountId) {
        Optional<EmailChangeRepository.Pending> pending = changes.find(token);
        if (pending.isEmpty()) {
            return new Check(null, Unusable.INVALID);
        }
        if (pending.get().accountId() != signedInAccountId) {
            return new Check(pending.get(), Unusable.OTHER_ACCOUNT);
        }
        if (pending.get().usedAt() != null) {
            return new Check(pending.get(), Unusable.USED);
        }
        if (pending.get().expiresAt() <= clock.millis()) {
            return new Check(pending.get(), Unusable.EXPIRED);
        }
        return new Check(pending.get(), null);
    }

    /**
     * Sets the address the link stands for and uses the link, in one transaction. Answers why not when the link
     * cannot be used; refused when the address went to another account in the meantime.
     */
    @Transactional
    Check confirm(String token, long signedInAccountId) {
        Check check = check(token, signedInAccountId);
        if (check.unusable() != null) {
            return check;
        }
        if (!changes.use(check.pending().tokenHash())) {
            return new Check(check.pending(), Unusable.USED);
        }
        set(check.pending().accountId(), check.pending().email(), "confirmed by its owner");
        changes.retireOthers(check.pending().accountId());
        return check;
    }

    /** An administrator sets (or, blank, removes) another account's address: no link, but audited. */
    @Transactional
    Optional<String> setByAdmin(long accountId, String email) {
        return set(accountId, email, "set by an administrator");
    }

    private Optional<String> set(long accountId, String email, String how) {
        Account account = accounts.find(accountId).orElseThrow(() -> Refusal.notFound("No such account."));
        Optional<String> before = accounts.email(accountId);
        accounts.changeEmail(accountId, email); // refuses a malformed or taken address
        Optional<String> after = accounts.email(accountId);
        if (before.equals(after)) {
            return after;
        }
        audit.record(AuditAction.EMAIL_CHANGED, account.username(),
                before.orElse("none") + " → " + after.orElse("none") + " (" + how + ")");
        if (before.isPresent()) {
            outbox.queue(letters.letter(before.get(), EmailMessages.NOTE_SUBJECT,
                    List.of(EmailMessages.NOTE_CHANGED.formatted(account.username(), after.orElse("no address")),
                            EmailMessages.NOTE_IF_NOT_YOU),
                    null, EmailMessages.NOTE_WHY));
        }
        return after;
    }
}
