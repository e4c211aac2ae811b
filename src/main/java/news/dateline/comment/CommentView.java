package news.dateline.comment;

import java.util.List;
import news.dateline.platform.Moment;

/**
 * One comment as the page shows it, with its replies. {@code replyPath} is null where the thread is as deep as
 * it may go (replies there would not nest further). {@code awaiting} marks the reader's own comment that a
 * moderator has not yet let through.
 */
public record CommentView(
        long id,
        String authorName,
        String authorUrl,
        boolean staff,
        Moment posted,
        CommentText text,
        String replyPath,
        boolean awaiting,
        List<CommentView> replies) {

    public String anchor() {
        return "comment-" + id;
    }

    public boolean hasWebsite() {
        return !authorUrl.isEmpty();
    }
}
