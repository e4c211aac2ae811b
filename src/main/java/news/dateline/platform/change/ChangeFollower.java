package news.dateline.platform.change;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import news.dateline.platform.DataProperties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes this node follow the changes other nodes commit (PostgreSQL only; on SQLite there is one node and the
 * in-process events are the whole story). It LISTENs on its own connection; on every NOTIFY, at least every
 * {@code pollInterval}, and after every reconnect it reads {@code change_log} past what it has applied and
 * publishes each row's {@link Change} on this node, outside any transaction, so the same
 * {@code @TransactionalEventListener(fallbackExecution = true)} listeners run as for a local write (WebSub is not
 * one of them: the writing node pings the hub once).
 *
 * <p><b>Late commits.</b> Ids are taken when a row is inserted, not when its transaction commits, so row 8 may
 * become visible after row 9. The follower keeps the highest id it has read ({@code cursor}) and every lower id it
 * has not seen ({@code gaps}); each read asks for {@code id > cursor OR id IN gaps}. A gap is filled when its row
 * turns up, or forgotten after {@code gapWait} (its transaction rolled back, or the id was never used). See
 * docs/scaling.md.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnExpression("'${dateline.data.url:}'.startsWith('jdbc:postgresql:')")
public class ChangeFollower implements SmartLifecycle {

    static final String CHANNEL = "dateline_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    private static final int BATCH = 500;
    /** At start, ids this far below the newest are checked for gaps: transactions in flight while we started. */
    private static final int START_WINDOW = 1_000;

    private final JdbcClient jdbc;
    private final DataProperties data;
    private final ClusterProperties cluster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String node;

    private final Object lock = new Object();
    private long cursor = -1;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private final AtomicLong lastRead = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();

    private volatile boolean running;
    /** Set while the follower cannot reach the database, cleared by its next successful read. */
    private volatile boolean failing;
    private volatile Thread thread;
    private volatile Connection listening;

    ChangeFollower(JdbcClient jdbc, DataProperties data, ClusterProperties cluster, ApplicationEventPublisher events,
            Clock clock, ChangeLog changeLog) {
        this.jdbc = jdbc;
        this.data = data;
        this.cluster = cluster;
        this.events = events;
        this.clock = clock;
        this.node = changeLog.node();
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (cursor < 0) {
                // What was committed before this node started is in its state already: the page cache starts
                // empty and the search index catches up from the log by itself. Only late commits matter.
                long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM change_log").query(Long.class).single();
                List<Long> present = jdbc.sql("SELECT id FROM change_log WHERE id > :from")
                        .param("from", newest - START_WINDOW).query(Long.class).list();
                long now = System.currentTimeMillis();
                var seen = new java.util.HashSet<>(present);
                for (long id = Math.max(1, newest - START_WINDOW + 1); id < newest; id++) {
                    if (!seen.contains(id)) {
                        gaps.put(id, now);
                    }
                }
                cursor = newest;
            }
        }
        running = true;
        thread = Thread.ofPlatform().name("change-follower").daemon().start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        Thread follower = thread;
        closeListening();
        if (follower != null) {
            follower.interrupt();
            try {
                follower.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server: requests on this node see other nodes' changes from the first one on. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    boolean failing() {
        return failing;
    }

    private void follow() {
        failing = false;
        while (running) {
            try {
                Connection connection = listen();
                readAll(); // after every (re)connect: NOTIFYs sent while we were away are lost
                if (failing) {
                    log.info("Change follower reads the change log again");
                }
                failing = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    pg.getNotifications((int) cluster.pollInterval().toMillis());
                    readAll();
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                closeListening();
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Change follower lost the database ({}); retrying every second", e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Connection listen() throws SQLException {
        Properties properties = new Properties();
        if (!data.username().isBlank()) {
            properties.setProperty("user", data.username());
            properties.setProperty("password", data.password());
        }
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(data.jdbcUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        listening = connection;
        return connection;
    }

    private void closeListening() {
        Connection connection = listening;
        listening = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // going away anyway
            }
        }
    }

    /** Reads and applies everything past the cursor and in the gaps; callable from tests to read at once. */
    void readAll() {
        while (readBatch() == BATCH) {
            // a long backlog (after an outage): keep reading
        }
        lastRead.set(System.currentTimeMillis());
    }

    private int readBatch() {
        List<Row> rows;
        List<Row> toApply = new ArrayList<>();
        synchronized (lock) {
            forgetOldGaps();
            String where = gaps.isEmpty() ? "id > :cursor" : "id > :cursor OR id IN (:gaps)";
            var query = jdbc.sql("SELECT id, article_id, kind, entry_id, node FROM change_log WHERE " + where
                            + " ORDER BY id LIMIT " + BATCH)
                    .param("cursor", cursor);
            if (!gaps.isEmpty()) {
                query = query.param("gaps", List.copyOf(gaps.keySet()));
            }
            rows = query.query((rs, n) -> new Row(rs.getLong("id"),
                    new ChangeRow((Long) rs.getObject("article_id", Long.class), rs.getString("kind"),
                            (Long) rs.getObject("entry_id", Long.class)), rs.getString("node"))).list();
            long now = System.currentTimeMillis();
            for (Row row : rows) {
                if (row.id() <= cursor) {
                    gaps.remove(row.id()); // a late commit, now visible
                } else {
                    for (long missing = cursor + 1; missing < row.id(); missing++) {
                        gaps.put(missing, now);
                    }
                    cursor = row.id();
                }
                if (!node.equals(row.node())) {
                    toApply.add(row);
                }
            }
        }
        for (Row row : toApply) {
            apply(row);
        }
        return rows.size();
    }

    private void forgetOldGaps() {
        long oldest = System.currentTimeMillis() - cluster.gapWait().toMillis();
        gaps.values().removeIf(since -> since < oldest);
    }

    private void apply(Row row) {
        try {
            events.publishEvent(Change.fromRow(row.change()));
            applied.incrementAndGet();
        } catch (RuntimeException e) {
            // One listener's failure must not stop the node following the rest; the listeners log their own.
            log.error("Change {} from node {} not applied here", row.id(), row.node(), e);
        }
    }

    /** How far behind the database this node is: rows not yet read, and the age of the oldest of them. */
    Lag lag() {
        long after;
        int waiting;
        synchronized (lock) {
            after = cursor;
            waiting = gaps.size();
        }
        record Behind(long rows, Long oldest) {
        }
        Behind behind = jdbc.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM change_log WHERE id > :cursor")
                .param("cursor", after)
                .query((rs, n) -> new Behind(rs.getLong("n"), (Long) rs.getObject("oldest", Long.class))).single();
        long seconds = behind.oldest() == null ? 0 : Math.max(0, (clock.millis() - behind.oldest()) / 1000);
        long sinceRead = lastRead.get() == 0 ? -1 : (System.currentTimeMillis() - lastRead.get()) / 1000;
        return new Lag(behind.rows(), seconds, waiting, sinceRead, running, node);
    }

    record Lag(long rows, long seconds, int gaps, long secondsSinceRead, boolean following, String node) {
    }

    private record Row(long id, ChangeRow change, String node) {
    }
}
