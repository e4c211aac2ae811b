package news.dateline.wire.update;

/**
 * A newer usable version of an item was stored: published inside the intake's transaction, acted on once it
 * commits ({@link AutoUpdates}).
 */
public record NewerVersion(long itemId) {
}
