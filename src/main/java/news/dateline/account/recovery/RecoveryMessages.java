package news.dateline.account.recovery;

/** What the reset and invitation pages and mails say, in one place. */
final class RecoveryMessages {

    static final String EMAIL_REQUIRED = "Give the email address of your newsroom account.";
    static final String SENT = "If a newsroom account has this address, a link to choose a new password is on its"
            + " way to it. The link works once, for one hour. Nothing arrived? Check the spam folder, or ask again"
            + " in a few minutes.";
    static final String TOO_MANY = "Too many reset requests from your network. Try again in %d minutes.";
    static final String LINK_INVALID = "This link is not valid: it may have been altered or cut short by a mail"
            + " program. Copy the whole address from the mail, or ask for a new link.";
    static final String LINK_EXPIRED = "This link has expired: links work for one hour. Ask for a new one.";
    static final String LINK_USED = "This link has already been used: each link works once. Ask for a new one if"
            + " you still need to set your password.";

    static final String RESET_SUBJECT = "Reset your newsroom password";
    static final String RESET_ASKED = "Someone, hopefully you, asked to reset the password of the newsroom account"
            + " %s.";
    static final String RESET_ONCE = "The link below works once, for one hour. If you did not ask, ignore this mail:"
            + " your password stays as it is.";
    static final String RESET_ACTION = "Choose a new password";
    static final String RESET_WHY = "You receive this mail because this address belongs to a newsroom account.";

    static final String INVITE_SUBJECT = "You are invited to the %s newsroom";
    static final String INVITE_BY = "%s invited you to the %s newsroom as %s.";
    static final String INVITE_USERNAME = "Your username is %s. Choose your password from the link below.";
    static final String INVITE_ONCE = "The link works once, for seven days. If you did not expect this, ignore it.";
    static final String INVITE_ACTION = "Choose your password";
    static final String INVITE_WHY = "You receive this mail because a newsroom administrator invited this address.";
    static final String INVITED = "Invited %s as %s: a link to choose a password is on its way to %s.";
    static final String WELCOME = "Welcome, %s";

    private RecoveryMessages() {
    }
}
