package news.dateline.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox} table (migration V18). */
@Repository
class OutboxRepository {

    record StoredMail(String id, Mail mail, String state, int attempts, long nextAttemptAt, String lastError,
            long createdAt) {
    }

    private static final String SELECT = """
            SELECT id, recipient, subject, text_body, html_body, headers, state, attempts, next_attempt_at,
                   last_error, created_at
            FROM outbox
            """;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, Mail mail, long now) {
        jdbc.sql("""
                        INSERT INTO outbox (id, recipient, subject, text_body, html_body, headers, state, attempts,
                                            next_attempt_at, created_at)
                        VALUES (:id, :to, :subject, :text, :html, :headers, 'waiting', 0, :now, :now)""")
                .param("id", id).param("to", mail.to()).param("subject", mail.subject()).param("text", mail.text())
                .param("html", mail.html()).param("headers", headers(mail.headers())).param("now", now)
                .update();
    }

    List<StoredMail> due(long now, int limit) {
        return jdbc.sql(SELECT + "WHERE state = 'waiting' AND next_attempt_at <= :now ORDER BY next_attempt_at, "
                        + "created_at LIMIT :limit")
                .param("now", now).param("limit", limit).query(OutboxRepository::stored).list();
    }

    List<StoredMail> inState(String state, int limit) {
        return jdbc.sql(SELECT + "WHERE state = :state ORDER BY created_at DESC LIMIT :limit")
                .param("state", state).param("limit", limit).query(OutboxRepository::stored).list();
    }

    long count(String state) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE state = :state").param("state", state)
                .query(Long.class).single();
    }

    /**
     * Takes a due mail for this node until {@code leaseUntil}: true for the one node whose update found it as it
     * was read. A node that dies while sending leaves the lease to run out, and the mail is tried again.
     */
    boolean claim(String id, long seenNextAttemptAt, long leaseUntil) {
        return jdbc.sql("""
                        UPDATE outbox SET next_attempt_at = :lease
                        WHERE id = :id AND state = 'waiting' AND next_attempt_at = :seen""")
                .param("lease", leaseUntil).param("id", id).param("seen", seenNextAttemptAt).update() == 1;
    }

    /** A failed mail back in the queue, due now, with a fresh round of attempts; false unless it had failed. */
    boolean retry(String id, long now) {
        return jdbc.sql("""
                        UPDATE outbox SET state = 'waiting', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND state = 'failed'""")
                .param("now", now).param("id", id).update() == 1;
    }

    java.util.Optional<StoredMail> find(String id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(OutboxRepository::stored).optional();
    }

    void sent(String id, long now) {
        jdbc.sql("UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = :now, last_error = '' "
                        + "WHERE id = :id")
                .param("now", now).param("id", id).update();
    }

    void failedAttempt(String id, String error, Long nextAttemptAt) {
        jdbc.sql("""
                        UPDATE outbox SET attempts = attempts + 1, last_error = :error,
                               state = :state, next_attempt_at = :next
                        WHERE id = :id""")
                .param("error", error).param("state", nextAttemptAt == null ? "failed" : "waiting")
                .param("next", nextAttemptAt == null ? 0L : nextAttemptAt).param("id", id).update();
    }

    private static String headers(Map<String, String> headers) {
        return headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        Arrays.stream(lines.split("\n")).filter(line -> line.contains(": ")).forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return headers;
    }

    private static StoredMail stored(ResultSet rs, int row) throws SQLException {
        Mail mail = new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), headers(rs.getString("headers")));
        return new StoredMail(rs.getString("id"), mail, rs.getString("state"), rs.getInt("attempts"),
                rs.getLong("next_attempt_at"), rs.getString("last_error"), rs.getLong("created_at"));
    }
}
