package news.dateline.comment;

import java.util.Locale;
import java.util.Map;

/**
 * What a reader sent from the Leave A Reply form, exactly as typed (line endings aside), so that a form shown
 * again after a mistake holds every character. {@code honeypot} is the field people never see;
 * {@code stamp} is the signed time the form was rendered; {@code notifyReplies} is "Notify me of replies by email"
 * (unticked unless the reader ticks it; docs/comments.md).
 */
public record CommentForm(String comment, String name, String email, String website, String parent, boolean remember,
        String honeypot, String stamp, boolean notifyReplies) {

    public static final String COMMENT = "comment";
    public static final String NAME = "author";
    static final String EMAIL = "email";
    public static final String WEBSITE = "url";
    static final String PARENT = "parent";
    static final String REMEMBER = "remember";
    static final String HONEYPOT = "fax_number";
    static final String STAMP = "stamp";
    static final String NOTIFY_REPLIES = "notify_replies";

    static final CommentForm EMPTY = new CommentForm("", "", "", "", "", false, "", "", false);

    /** A form without the reply-notification choice (the moderators' checks of an edit or a staff reply). */
    public CommentForm(String comment, String name, String email, String website, String parent, boolean remember,
            String honeypot, String stamp) {
        this(comment, name, email, website, parent, remember, honeypot, stamp, false);
    }

    static CommentForm from(Map<String, String> fields) {
        return new CommentForm(
                fields.getOrDefault(COMMENT, "").replace("\r\n", "\n"),
                fields.getOrDefault(NAME, ""),
                fields.getOrDefault(EMAIL, ""),
                fields.getOrDefault(WEBSITE, ""),
                fields.getOrDefault(PARENT, ""),
                fields.containsKey(REMEMBER),
                fields.getOrDefault(HONEYPOT, ""),
                fields.getOrDefault(STAMP, ""),
                fields.containsKey(NOTIFY_REPLIES));
    }

    /** The values stored: the comment as sent, the one-line fields without surrounding spaces. */
    String trimmedName() {
        return name.strip();
    }

    String trimmedEmail() {
        return email.strip();
    }

    String trimmedWebsite() {
        return website.strip();
    }

    String emailKey() {
        return trimmedEmail().toLowerCase(Locale.ROOT);
    }

    Long parentId() {
        return id(parent);
    }

    /** A positive comment id from a form field or query parameter, or null for anything else. */
    static Long id(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    CommentForm withParent(String newParent) {
        return new CommentForm(comment, name, email, website, newParent, remember, honeypot, stamp, notifyReplies);
    }

    CommentForm withCommenter(Commenter commenter) {
        return new CommentForm(comment, commenter.name(), commenter.email(), commenter.website(), parent, true,
                honeypot, stamp, notifyReplies);
    }
}
