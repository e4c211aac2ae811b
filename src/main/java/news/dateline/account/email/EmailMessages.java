package news.dateline.account.email;

/** What the email address screens and mails say (docs/mail.md). */
final class EmailMessages {

    static final String LINK_SENT = "We sent a link to %s. Your address changes when you follow it (within 24 hours).";
    static final String CHANGED = "Your email address is now %s.";
    static final String SET_BY_ADMIN = "The email address of %s is now %s.";
    static final String REMOVED_BY_ADMIN = "%s has no email address now.";
    static final String TOO_OFTEN = "Five links were sent in the last hour: ask again in %d minutes.";
    static final String EMAIL_REQUIRED = "Give the new email address.";
    static final String SAME_ADDRESS = "This is already your email address.";

    static final String LINK_INVALID = "This link is not valid: it may have been altered or cut short by a mail"
            + " program. Ask for a new one.";
    static final String LINK_EXPIRED = "This link has expired: links work for 24 hours. Ask for a new one.";
    static final String LINK_USED = "This link has already been used: each link works once.";
    static final String LINK_OTHER_ACCOUNT = "This link is for another account: sign in as that account to use it.";

    static final String CONFIRM_SUBJECT = "Confirm your new email address";
    static final String CONFIRM_ASKED = "Someone signed in as %s asked to use this address for that newsroom account.";
    static final String CONFIRM_ONCE = "The link below works once, for 24 hours. Until you follow it the account"
            + " keeps its old address. If you did not ask, ignore this mail.";
    static final String CONFIRM_ACTION = "Confirm this address";
    static final String CONFIRM_WHY = "You receive this mail because this address was given for a newsroom account.";

    static final String NOTE_SUBJECT = "Your newsroom email address was changed";
    static final String NOTE_CHANGED = "The email address of the newsroom account %s was changed to %s. Mail for"
            + " the account (password resets, notifications) goes there from now on.";
    static final String NOTE_IF_NOT_YOU = "If you did not ask for this, tell an administrator of the site.";
    static final String NOTE_WHY = "You receive this mail because this was the account's address until now.";

    private EmailMessages() {
    }
}
