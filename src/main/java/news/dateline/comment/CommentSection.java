package news.dateline.comment;

import java.util.List;

/**
 * The comments part of an article page: the public thread, this reader's comments awaiting moderation (only with
 * their cookie), and the form, or the closed notice. Without comment cookies it is the same for every reader, so
 * the page can be cached.
 */
public record CommentSection(
        int count,
        List<CommentView> thread,
        List<CommentView> awaiting,
        boolean closed,
        CommentFormView form,
        String stylesheet,
        String script) {

    public String heading() {
        return switch (count) {
            case 0 -> "Comments";
            case 1 -> "1 Comment";
            default -> CommentMessages.number(count) + " Comments";
        };
    }

    public String closedMessage() {
        return CommentMessages.CLOSED;
    }

    public String awaitingMessage() {
        return CommentMessages.AWAITING_MODERATION;
    }

    public String awaitingDetail() {
        return CommentMessages.AWAITING_DETAIL;
    }
}
