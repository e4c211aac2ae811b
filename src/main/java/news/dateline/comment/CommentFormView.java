package news.dateline.comment;

import java.util.Map;

/**
 * The Leave A Reply form: where it posts, what the reader typed (kept after any mistake), the message beside each
 * field that needs one, and the rules the browser script checks before sending.
 */
public record CommentFormView(
        String action,
        String comment,
        String name,
        String email,
        String website,
        String parent,
        boolean remember,
        boolean notifyReplies,
        String stamp,
        Map<String, String> errors,
        String replyingTo,
        String cancelReplyPath,
        ClientRules rules) {

    /** The same limits and messages as the server's, for assets/comment-form.js. */
    public record ClientRules(int maxLength, int maxNameLength, String commentEmpty, String commentTooLong,
            String nameEmpty, String nameTooLong, String emailInvalid, String websiteInvalid) {
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** "true" for a field with a message, otherwise null so that the attribute is left out. */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String summary() {
        return CommentMessages.FIX_BELOW;
    }

    public boolean isReply() {
        return replyingTo != null;
    }
}
