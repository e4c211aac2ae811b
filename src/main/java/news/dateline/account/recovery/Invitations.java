package news.dateline.account.recovery;

import java.time.Duration;
import java.util.List;
import news.dateline.account.Account;
import news.dateline.account.Accounts;
import news.dateline.mail.Letters;
import news.dateline.mail.Outbox;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator invites someone by email and role: the account, its single-use link (valid a week) and the
 * mail are committed together, and the invitee chooses their own password from the link, under the same rule
 * as every password (docs/mail.md).
 */
@Service
class Invitations {

    static final String PURPOSE = "invitation";
    static final Duration VALID_FOR = Duration.ofDays(7);

    private final Accounts accounts;
    private final AccountLinks links;
    private final Letters letters;
    private final Outbox outbox;
    private final SiteProperties site;
    private final TransactionTemplate transaction;

    Invitations(Accounts accounts, AccountLinks links, Letters letters, Outbox outbox, SiteProperties site,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.links = links;
        this.letters = letters;
        this.outbox = outbox;
        this.site = site;
        this.transaction = transaction;
    }

    /** The invited account; a Refusal (bad address, taken username …) leaves nothing behind. */
    Account invite(String email, String role, String username, String invitedBy) {
        return transaction.execute(status -> {
            Account account = accounts.invite(email, role, username);
            String token = links.issue(PURPOSE, account.id(), VALID_FOR);
            String to = accounts.email(account.id()).orElseThrow();
            outbox.queue(letters.letter(to, RecoveryMessages.INVITE_SUBJECT.formatted(site.name()),
                    List.of(RecoveryMessages.INVITE_BY.formatted(invitedBy, site.name(), account.role().column()),
                            RecoveryMessages.INVITE_USERNAME.formatted(account.username()),
                            RecoveryMessages.INVITE_ONCE),
                    new Letters.Action(RecoveryMessages.INVITE_ACTION, letters.link("/newsroom/welcome/" + token)),
                    RecoveryMessages.INVITE_WHY));
            return account;
        });
    }

    AccountLinks.Check check(String token) {
        return links.check(PURPOSE, token);
    }

    /** The invited account's username, for the welcome page. */
    String username(long accountId) {
        return accounts.find(accountId).map(Account::username).orElse("");
    }

    /** Sets the invitee's password and uses the link, in one transaction. */
    java.util.Optional<AccountLinks.Unusable> accept(String token, String password, String confirmation) {
        return transaction.execute(status -> {
            AccountLinks.Check check = links.check(PURPOSE, token);
            if (!(check instanceof AccountLinks.Valid valid)) {
                return java.util.Optional.of((AccountLinks.Unusable) check);
            }
            accounts.setPasswordFromLink(valid.accountId(), password, confirmation);
            if (!links.use(valid.tokenHash())) {
                status.setRollbackOnly();
                return java.util.Optional.of(AccountLinks.Unusable.USED);
            }
            return java.util.Optional.<AccountLinks.Unusable>empty();
        });
    }
}
