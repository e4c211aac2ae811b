package news.dateline.account;

/** What the newsroom tells a person about their account, in one place. */
public final class AccountMessages {

    public static final String BAD_CREDENTIALS = "That username and password do not match.";
    public static final String DISABLED = "This account is disabled. Ask an administrator to enable it.";
    public static final String ACCOUNT_SLOWED = "That username and password do not match. After too many failed"
            + " sign-ins for this account, each attempt now waits %d seconds before it is checked.";
    public static final String TOO_MANY_FROM_ADDRESS =
            "Too many failed sign-ins from your network. Try again after %s (in %d minutes).";

    public static final String SIGN_IN_BUSY = "The site is busy. Please try to sign in again in a few seconds.";

    public static final String USERNAME_REQUIRED = "Choose a username.";
    public static final String USERNAME_SHAPE =
            "Use 2 to 60 letters, digits, dots, hyphens, underscores or @, without spaces.";
    public static final String USERNAME_TAKEN = "The username %s is taken.";
    public static final String ROLE_REQUIRED = "Choose one of admin, editor, author or contributor.";
    public static final String PASSWORD_TOO_SHORT = "Use at least 12 characters.";
    public static final String PASSWORD_TOO_LONG = "Use at most 72 bytes; longer passwords are cut by bcrypt.";
    public static final String PASSWORD_REPEATED =
            "Do not repeat one character or a short pattern; use a few words or a password manager.";
    public static final String PASSWORD_COMMON =
            "That is one of the most common passwords, which guessers try first. Choose something less usual.";
    public static final String PASSWORD_IS_USERNAME = "The password must not be the username.";
    public static final String PASSWORD_MISMATCH = "The two new passwords differ.";
    public static final String CURRENT_PASSWORD_WRONG = "That is not your current password.";
    public static final String AUTHOR_BOTH = "Either link an existing profile or name a new one, not both.";
    public static final String AUTHOR_UNKNOWN = "That author profile does not exist or already has an account.";
    public static final String AUTHOR_NAME_UNUSABLE = "Give the author a name with at least one letter or digit.";

    public static final String PASSWORD_SET_FROM_LINK = "Your new password is set, and every session of your"
            + " account was signed out. Sign in with the new password.";
    public static final String EMAIL_SHAPE = "Give an email address such as name@example.org.";
    public static final String EMAIL_TAKEN = "Another account has this email address.";

    public static final String LAST_ADMIN =
            "%s is the last administrator who can sign in; make someone else an administrator first.";
    public static final String NOT_YOURSELF = "You cannot disable your own account.";

    private AccountMessages() {
    }
}
