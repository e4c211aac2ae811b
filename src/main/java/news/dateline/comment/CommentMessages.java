package news.dateline.comment;

/** Everything the comment feature says to readers and moderators, in one place. */
public final class CommentMessages {

    static final String COMMENT_EMPTY = "Please enter your comment!";
    static final String NAME_EMPTY = "Please enter your name here";
    static final String EMAIL_INVALID = "You have entered an incorrect email address!";
    /** {max} and {count} are filled in here and by the browser script alike. */
    static final String COMMENT_TOO_LONG = "Your comment is too long: please keep it to {max} characters (it has {count}).";
    static final String NAME_TOO_LONG = "Please keep your name to {max} characters.";
    static final String WEBSITE_INVALID =
            "Please enter a website address that starts with http:// or https://, or leave the field empty.";
    static final String PARENT_GONE = "The comment you are replying to is no longer available. "
            + "Your text is kept below: send it as a new comment, or copy it.";
    static final String DUPLICATE = "It looks as though you’ve already said that! This comment is already on the page "
            + "or waiting for moderation.";
    static final String FIX_BELOW = "Please check the fields marked below. Everything you typed is kept.";

    static final String AWAITING_MODERATION = "Your comment is awaiting moderation.";
    static final String AWAITING_DETAIL = "Only you can see it, in this browser, until a moderator approves it.";
    static final String CLOSED = "Comments are closed.";
    static final String CLOSED_KEPT = "Here is what you wrote, so you can keep a copy.";
    static final String TOO_MANY = "You’re commenting faster than we can read. Please wait %s and send it again: "
            + "your comment is kept below.";
    static final String FOREIGN_ORIGIN = "For your safety we only take comments sent from this site’s own pages. "
            + "Your comment is kept below: please check it and send it again from here.";
    static final String STAMP_EXPIRED = "This form was open for more than a day, so we did not post your comment. "
            + "Your text is still below: please send it again.";
    static final String STAMP_OTHER_ARTICLE = "This form came from another article's page, so we did not post your "
            + "comment. Your text is still below: please send it again.";
    static final String STORE_BUSY = "We could not save your comment just now: the site is busy. Nothing was sent; "
            + "your comment is kept below. Please send it again in a few seconds.";
    static final String TOO_LARGE = "That was more than a comment can hold (over %s). Please shorten it and try again.";

    public static final String API_NOT_FOUND = "No comment with id %d";
    public static final String API_NO_ARTICLE = "No article with id %d";
    public static final String API_BAD_STATE = "Unknown state '%s': use pending, approved, spam or trash";
    public static final String API_CANNOT = "A comment that is %s cannot be %s";
    public static final String API_INVALID = "The comment is not valid; see errors";
    public static final String API_BAD_POLICY = "Unknown moderation '%s': use open, first-time, held or closed";
    public static final String API_BAD_DAYS = "closeAfterDays must be 0 (never) or more";

    private CommentMessages() {
    }

    static String fill(String message, int max, int count) {
        return message.replace("{max}", number(max)).replace("{count}", number(count));
    }

    static String number(long n) {
        return String.format(java.util.Locale.ENGLISH, "%,d", n);
    }
}
