package news.dateline.platform.change;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to record a change: its {@code change_log} rows (the transactional outbox every node follows) and
 * its event on this node, both in the caller's transaction. Listeners use
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)}, so they see only what was committed; a rollback
 * takes the rows and the event away together.
 */
@Component
public class ChangeLog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeLog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public void record(Change change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the row could commit without the change, or the change without the row.
            throw new IllegalStateException("A change is recorded inside the transaction that makes it: " + change);
        }
        long now = clock.millis();
        for (ChangeRow row : change.rows()) {
            jdbc.sql("""
                            INSERT INTO change_log (article_id, kind, entry_id, created_at)
                            VALUES (:article, :kind, :entry, :now)""")
                    .param("article", row.articleId()).param("kind", row.kind()).param("entry", row.entryId())
                    .param("now", now)
                    .update();
        }
        events.publishEvent(change);
    }
}
