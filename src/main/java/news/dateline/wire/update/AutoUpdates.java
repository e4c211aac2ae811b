package news.dateline.wire.update;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The per-provider option "publish updates of untouched stories": once a newer version of an item from such a
 * provider is stored, each published story made from the item that nobody has touched is updated, one transaction
 * per story ({@link WireUpdates#autoApply}). A story someone edited keeps the "Wire update available" offer.
 * The work is handed to a thread of its own after the file's transaction committed: a story that cannot be updated
 * never holds back the intake, and on SQLite the committing connection still holds the write lock while
 * after-commit listeners run (sqlite-jdbc begins its next transaction at once), so a new transaction on the
 * intake's thread would wait for itself. One thread: versions are applied in the order they were stored.
 */
@Component
class AutoUpdates {

    private static final Logger log = LoggerFactory.getLogger(AutoUpdates.class);

    private final JdbcClient jdbc;
    private final WireUpdates updates;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("wire-auto-update").daemon().factory());

    AutoUpdates(JdbcClient jdbc, WireUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NewerVersion stored) {
        worker.execute(() -> apply(stored));
    }

    private void apply(NewerVersion stored) {
        List<Long> stories;
        try {
            stories = jdbc.sql("""
                            SELECT s.article_id FROM wire_story s
                            JOIN wire_item i ON i.id = s.item_id JOIN wire_provider p ON p.id = i.provider_id
                            WHERE s.item_id = :item AND p.auto_update = TRUE ORDER BY s.article_id""")
                    .param("item", stored.itemId()).query(Long.class).list();
        } catch (RuntimeException e) {
            log.warn("Wire: could not read the stories made from item {}: {}", stored.itemId(), e.getMessage());
            return;
        }
        for (long articleId : stories) {
            try {
                if (updates.autoApply(articleId)) {
                    log.info("Wire: story {} updated automatically from item {}", articleId, stored.itemId());
                }
            } catch (RuntimeException e) {
                // A rule refused it, or the database was too busy: the offer stays, an editor takes it by hand.
                log.warn("Wire: story {} could not be updated automatically from item {}: {}", articleId,
                        stored.itemId(), e.getMessage());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
