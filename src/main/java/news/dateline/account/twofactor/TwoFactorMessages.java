package news.dateline.account.twofactor;

/** What the newsroom says about second factors, in one place. */
public final class TwoFactorMessages {

    public static final String WRONG_FIRST_CODE = "That code does not match. Check that the app shows the account"
            + " you just added, and that the phone's clock is right, then type the code it shows now.";
    public static final String WRONG_CODE = "That code is not right, or it was used already. Type the code your"
            + " authenticator app shows now, or one of your recovery codes.";
    public static final String NO_ENROLMENT = "Open the two-factor page again to get a new secret.";
    public static final String ALREADY_ENROLLED = "Two-factor sign-in is already on for your account.";
    public static final String REQUIRED_CANNOT_TURN_OFF =
            "The site requires a second factor for your role, so it cannot be turned off.";
    public static final String MUST_ENROL = "The site requires editors and administrators to use a second factor."
            + " Set one up to continue.";
    public static final String MUST_ENROL_API = "Set up two-factor sign-in in the newsroom first.";
    public static final String PENDING_EXPIRED = "That sign-in took too long. Please sign in again.";
    public static final String NOT_YOUR_OWN = "Turn your own second factor off on your two-factor page.";
    public static final String RESET = "The second factor of %s is removed: they sign in with their password again.";
    public static final String TOO_MANY_CODES = "Too many wrong codes. Please sign in again.";

    private TwoFactorMessages() {
    }
}
