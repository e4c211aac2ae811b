package news.dateline.comment;

import java.time.Instant;

/** A comment about to be stored, its state already decided by the spam rules (or by a moderator writing it). */
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
        Instant now) {
}
