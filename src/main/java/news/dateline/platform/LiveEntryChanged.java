package news.dateline.platform;

/**
 * Published inside the transaction that added, edited or deleted a live entry. Unlike {@link ArticleChanged} it
 * touches only the article's own page (no listing shows live entries) and is pushed to readers who have the page
 * open. The same change is in {@code change_log} for other nodes.
 */
public record LiveEntryChanged(long articleId, long entryId, Kind kind) {

    public enum Kind {
        ADDED, EDITED, DELETED
    }
}
