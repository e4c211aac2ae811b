package news.dateline.account;

/** A change to an account that the site's rules refuse, such as leaving it without an administrator. */
public final class AccountRuleBroken extends RuntimeException {

    public AccountRuleBroken(String message) {
        super(message);
    }
}
