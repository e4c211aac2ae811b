package news.dateline.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log, newest first, filtered by who, what and when. Nothing here writes. */
@Component
public class AuditEvents {

    /**
     * What to show: {@code actor} a username (any case; blank = everyone), {@code action} one action (null = all),
     * {@code from} and {@code until} the half-open window [from, until) (null = open).
     */
    public record Filter(String actor, AuditAction action, Instant from, Instant until) {

        public static final Filter ALL = new Filter("", null, null, null);
    }

    private static final String WHERE = """
            WHERE (:actor = '' OR LOWER(actor) = LOWER(:actor))
              AND (:action = '' OR action = :action)
              AND at >= :from AND at < :until""";

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} rows matching, newest first, starting below {@code beforeId} (null: the newest). */
    public List<AuditEvent> find(Filter filter, Long beforeId, int limit) {
        return params(jdbc.sql("SELECT id, at, actor_id, actor, action, subject, detail, address FROM audit_event "
                + WHERE + " AND id < :before ORDER BY id DESC LIMIT :limit"), filter)
                .param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", limit)
                .query((rs, n) -> {
                    long actorId = rs.getLong("actor_id");
                    return new AuditEvent(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                            rs.wasNull() ? null : actorId, rs.getString("actor"), rs.getString("action"),
                            rs.getString("subject"), rs.getString("detail"), rs.getString("address"));
                })
                .list();
    }

    /** Every matching row, newest first, in pages, so an export of a year's log never sits in memory at once. */
    public void each(Filter filter, Consumer<AuditEvent> row) {
        Long before = null;
        while (true) {
            List<AuditEvent> page = find(filter, before, 500);
            page.forEach(row);
            if (page.size() < 500) {
                return;
            }
            before = page.getLast().id();
        }
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Filter filter) {
        return sql.param("actor", filter.actor() == null ? "" : filter.actor().strip())
                .param("action", filter.action() == null ? "" : filter.action().code())
                .param("from", filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochMilli())
                .param("until", filter.until() == null ? Long.MAX_VALUE : filter.until().toEpochMilli());
    }
}
