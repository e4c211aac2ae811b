package news.dateline.platform;

/**
 * Published inside the transaction that changed an article. Listeners that keep derived state (page cache,
 * search index, WebSub) use {@code @TransactionalEventListener(phase = AFTER_COMMIT)}, so they only ever see
 * committed changes. The same change is in {@code change_log} for other nodes.
 */
public record ArticleChanged(long articleId, String kind) {
}
