package news.dateline.platform;

/**
 * Published inside the transaction in which a comment became public or stopped being public (approved, marked
 * spam, trashed, restored, an approved one edited, or a new one published at once). The page cache refreshes
 * that article after commit ({@code @TransactionalEventListener(phase = AFTER_COMMIT)}); other nodes learn the
 * same from the {@code change_log} row of kind {@code comment} written in that transaction.
 */
public record CommentChanged(long articleId) {
}
