package news.dateline.account.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.dateline.account.Account;
import news.dateline.account.Accounts;
import news.dateline.account.Emails;
import news.dateline.mail.Letters;
import news.dateline.mail.Outbox;
import news.dateline.platform.SharedRateCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?": a signed, single-use link valid for an hour, mailed to the account's address.
 *
 * <p>The answer must not tell whether an account has the address, in its words or in its timing. So the request
 * does the same work whatever the address (check its shape, count it against the requester's network), and
 * the lookup, the link and the mail happen afterwards on a thread of their own, which the answer never waits
 * for. Requests are limited per network address (the requester is told) and per account (silently: the owner's
 * inbox is not flooded, and the answer stays the same).
 */
@Service
class PasswordResets implements DisposableBean {

    static final String PURPOSE = "reset";
    static final Duration VALID_FOR = Duration.ofHours(1);
    static final int PER_ADDRESS = 5;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 3;
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final Accounts accounts;
    private final AccountLinks links;
    private final Letters letters;
    private final Outbox outbox;
    private final SharedRateCounter limits;
    private final TransactionTemplate transaction;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(Accounts accounts, AccountLinks links, Letters letters, Outbox outbox, SharedRateCounter limits,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.links = links;
        this.letters = letters;
        this.outbox = outbox;
        this.limits = limits;
        this.transaction = transaction;
    }

    /** Empty when the request was taken (whatever the address), else how long the network must wait. */
    Optional<Duration> request(String email, String networkAddress) {
        Optional<Duration> wait = limits.tryHit("reset-address", networkAddress, PER_ADDRESS, ADDRESS_WINDOW);
        if (wait.isPresent()) {
            return wait;
        }
        background.execute(() -> mailLink(email));
        return Optional.empty();
    }

    private void mailLink(String email) {
        try {
            Optional<Account> account = Emails.normalise(email).flatMap(accounts::findByEmail)
                    .filter(found -> !found.disabled());
            if (account.isEmpty()) {
                return;
            }
            if (limits.tryHit("reset-account", String.valueOf(account.get().id()), PER_ACCOUNT, ACCOUNT_WINDOW)
                    .isPresent()) {
                log.info("Password reset for account {} not mailed: {} already asked for in the last hour",
                        account.get().id(), PER_ACCOUNT);
                return;
            }
            String to = accounts.email(account.get().id()).orElseThrow();
            transaction.executeWithoutResult(status -> {
                String token = links.issue(PURPOSE, account.get().id(), VALID_FOR);
                outbox.queue(letters.letter(to, RecoveryMessages.RESET_SUBJECT,
                        List.of(RecoveryMessages.RESET_ASKED.formatted(account.get().username()),
                                RecoveryMessages.RESET_ONCE),
                        new Letters.Action(RecoveryMessages.RESET_ACTION, letters.link("/newsroom/reset/" + token)),
                        RecoveryMessages.RESET_WHY));
            });
        } catch (RuntimeException e) {
            log.error("Could not queue a password reset mail", e);
        }
    }

    AccountLinks.Check check(String token) {
        return links.check(PURPOSE, token);
    }

    /**
     * Sets the password and uses the link, in one transaction: a second request with the same link (or a
     * refused password) changes nothing. Answers the link's state when it can no longer be used.
     */
    Optional<AccountLinks.Unusable> reset(String token, String password, String confirmation) {
        return transaction.execute(status -> {
            AccountLinks.Check check = links.check(PURPOSE, token);
            if (!(check instanceof AccountLinks.Valid valid)) {
                return Optional.of((AccountLinks.Unusable) check);
            }
            accounts.setPasswordFromLink(valid.accountId(), password, confirmation); // a Refusal rolls back
            if (!links.use(valid.tokenHash())) {
                status.setRollbackOnly();
                return Optional.of(AccountLinks.Unusable.USED);
            }
            links.retireOthers(PURPOSE, valid.accountId());
            return Optional.<AccountLinks.Unusable>empty();
        });
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
