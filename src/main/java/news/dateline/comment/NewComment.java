package news.dateline.comment;

import java.time.Instant;

/**
 * A comment about to be stored, its state already decided by the spam rules (or by a moderator writing it);
 * {@code notifyReplies}: its author asked to be mailed when a reply to it is published.
 */
public record NewComment(
        long articleId,
        Long parentId,
        CommentState state,
        String authorName,
        String authorEmail,
        String authorUrl,
        String body,
        Long staffAccountId,
        String authorTokenHash,
        String ip,
        String userAgent,
        String reason,
        String fingerprint,
        Instant now,
        boolean notifyReplies) {

    /** A comment whose author asked for no reply mails (a staff reply, an import). */
    public NewComment(long articleId, Long parentId, CommentState state, String authorName, String authorEmail,
            String authorUrl, String body, Long staffAccountId, String authorTokenHash, String ip, String userAgent,
            String reason, String fingerprint, Instant now) {
        this(articleId, parentId, state, authorName, authorEmail, authorUrl, body, staffAccountId, authorTokenHash,
                ip, userAgent, reason, fingerprint, now, false);
    }
}
