package news.dateline.platform.change;

import java.time.Clock;
import java.util.UUID;
import news.dateline.platform.DataProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to record a change: its {@code change_log} rows (the transactional outbox every node follows) and
 * its event on this node, both in the caller's transaction. Listeners use
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)}, so they see only what was committed; a rollback
 * takes the rows and the event away together.
 *
 * <p>On PostgreSQL the same transaction sends {@code NOTIFY dateline_changes} (delivered at commit, not at all on
 * rollback), which wakes the other nodes' {@link ChangeFollower}; each row names the node that wrote it, so a
 * follower does not apply its own node's changes a second time.
 */
@Component
public class ChangeLog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean notify;
    private final String node;

    ChangeLog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, DataProperties data,
            ClusterProperties cluster) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.notify = !data.usesSqlite();
        this.node = cluster.nodeId().isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8)
                : cluster.nodeId();
    }

    /** This node's name in {@code change_log.node}. */
    String node() {
        return node;
    }

    public void record(Change change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the row could commit without the change, or the change without the row.
            throw new IllegalStateException("A change is recorded inside the transaction that makes it: " + change);
        }
        long now = clock.millis();
        for (ChangeRow row : change.rows()) {
            jdbc.sql("""
                            INSERT INTO change_log (article_id, kind, entry_id, created_at, node)
                            VALUES (:article, :kind, :entry, :now, :node)""")
                    .param("article", row.articleId()).param("kind", row.kind()).param("entry", row.entryId())
                    .param("now", now).param("node", node)
                    .update();
        }
        if (notify) {
            jdbc.sql("NOTIFY " + ChangeFollower.CHANNEL).update();
        }
        events.publishEvent(change);
    }
}
