package news.dateline.comment;

import java.time.Instant;

/** A comment as stored. {@code staffAccountId} is set on replies written from the newsroom. */
record Comment(
        long id,
        long articleId,
        Long parentId,
        CommentState state,
        String authorName,
        String authorEmail,
        String authorUrl,
        String body,
        Long staffAccountId,
        String ip,
        String reason,
        Instant createdAt,
        Instant modifiedAt) {

    boolean byStaff() {
        return staffAccountId != null;
    }
}
