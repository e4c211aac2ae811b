package news.dateline.moderation;

import java.time.Instant;

/**
 * A comment as the newsroom's moderation queue shows it: with the article it is on, the commenter's email and
 * the spam rules' reason, but not their network address.
 */
public record QueuedComment(long id, long articleId, String articleHeadline, String articlePath, Long parentId,
        String state, String authorName, String authorEmail, String authorUrl, String body, boolean byStaff,
        String reason, Instant createdAt, Instant modifiedAt) {

    public String permalink() {
        return articlePath + "#comment-" + id;
    }
}
