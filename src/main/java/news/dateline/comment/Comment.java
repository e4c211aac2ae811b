package news.dateline.comment;

import java.time.Instant;

/** A comment as stored. {@code staffAccountId} is set on replies written from the newsroom. */
public record Comment(
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

    public boolean byStaff() {
        return staffAccountId != null;
    }
}
