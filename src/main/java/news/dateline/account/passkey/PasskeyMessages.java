package news.dateline.account.passkey;

/** What the newsroom says about passkeys, in one place. */
public final class PasskeyMessages {

    public static final String NAME_MISSING = "Give the passkey a name, such as the device it is on.";
    public static final String NAME_TOO_LONG = "A passkey's name can be at most 60 characters.";
    public static final String START_AGAIN = "That took too long, or was already used. Please try again.";
    public static final String NOT_ACCEPTED = "This passkey could not be checked. Please try again, or use"
            + " another one.";
    public static final String ALREADY_REGISTERED = "This passkey is registered already.";
    public static final String NOT_FOUND = "There is no such passkey on your account.";
    public static final String LAST_FACTOR = "The site requires a second factor for your role, and this is your"
            + " last one: add another passkey or an authenticator app before removing it.";
    public static final String ADDED = "Passkey \u201c%s\u201d added. You can now sign in with it.";
    public static final String RENAMED = "Passkey renamed to \u201c%s\u201d.";
    public static final String REMOVED = "Passkey \u201c%s\u201d removed.";
    public static final String SIGN_IN_FAILED = "That passkey did not sign you in. Try again, or sign in with"
            + " your password.";
    public static final String CLONED = "That passkey did not sign you in: its signature counter went back, as"
            + " when an authenticator has been copied. Sign in with your password and tell an administrator.";
    public static final String NOT_YOURS = "That passkey belongs to another account. Use one of your own.";

    private PasskeyMessages() {
    }
}
