package news.dateline.wire.provider;

import static news.dateline.platform.Rows.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers as the providers screen and the HTTP poller see them: their settings and what the last poll found. */
@Repository
public class FeedProviders {

    /** A provider row; {@code credentialSealed} is never shown, only whether there is one. */
    public record Row(long id, String name, String sourceCredit, String kind, String folder, String url,
            String credentialSealed, int pollSeconds, int expectedMinutes, boolean enabled, String etag,
            String lastModified, int failures, Instant nextPollAt, Instant lastReceivedAt, String lastPollNote,
            Instant createdAt, long errors, String position, boolean autoUpdate) {

        public boolean http() {
            return kind.equals("http");
        }

        public boolean hasCredential() {
            return !credentialSealed.isEmpty();
        }

        /**
         * The saved next page as the screen shows it: path and query, a parameter that looks like a key or a
         * token shown as "…"; null when the next poll starts from the feed's own address.
         */
        public String positionShown() {
            if (position == null || position.isBlank()) {
                return null;
            }
            java.net.URI uri = java.net.URI.create(position);
            String query = uri.getRawQuery() == null ? "" : "?" + java.util.Arrays.stream(uri.getRawQuery().split("&"))
                    .map(p -> p.replaceFirst("(?i)^([^=]*(key|token|secret|sig|auth|pass)[^=]*)=.*$", "$1=…"))
                    .collect(java.util.stream.Collectors.joining("&"));
            return uri.getRawPath() + query;
        }
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
            rs.getString("source_credit"), rs.getString("kind"), rs.getString("folder"), rs.getString("url"),
            rs.getString("credential_sealed"), rs.getInt("poll_seconds"), rs.getInt("expected_minutes"),
            rs.getBoolean("enabled"), rs.getString("etag"), rs.getString("last_modified"), rs.getInt("failures"),
            instant(rs, "next_poll_at"), instant(rs, "last_received_at"), rs.getString("last_poll_note"),
            instant(rs, "created_at"), rs.getLong("errors"), rs.getString("next_url"),
            rs.getBoolean("auto_update"));

    private static final String SELECT = """
            SELECT p.*, (SELECT COUNT(*) FROM wire_event e WHERE e.provider_id = p.id AND e.outcome = 'error') AS errors
            FROM wire_provider p""";

    private final JdbcClient jdbc;

    FeedProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.sql(SELECT + " ORDER BY p.name").query(ROW).list();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM wire_provider WHERE LOWER(name) = LOWER(:name)").param("name", name)
                .query(Long.class).single() > 0;
    }

    boolean nameTakenByAnother(String name, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM wire_provider WHERE LOWER(name) = LOWER(:name) AND id <> :id")
                .param("name", name).param("id", id).query(Long.class).single() > 0;
    }

    /**
     * An admin's edit. A new address (or kind) starts the feed afresh: no saved page, no validators, no failures,
     * polled at once.
     */
    void update(long id, ProviderForm.Valid form, String sealedCredential, boolean newSource, Instant now) {
        jdbc.sql("""
                        UPDATE wire_provider SET name = :name, source_credit = :credit, kind = :kind, url = :url,
                               credential_sealed = :credential, poll_seconds = :poll, expected_minutes = :expected,
                               auto_update = :auto
                        WHERE id = :id""")
                .param("auto", form.autoUpdate())
                .param("name", form.name()).param("credit", form.credit()).param("kind", form.kind())
                .param("url", form.url()).param("credential", sealedCredential).param("poll", form.pollSeconds())
                .param("expected", form.expectedMinutes()).param("id", id).update();
        if (newSource) {
            jdbc.sql("""
                            UPDATE wire_provider SET next_url = NULL, etag = NULL, last_modified = NULL, failures = 0,
                                   last_poll_note = '', next_poll_at = :now
                            WHERE id = :id""").param("now", now.toEpochMilli()).param("id", id).update();
        }
    }

    /** Off: neither polled nor watched. On again: polled at once, the failures forgotten. */
    void switchTo(long id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE wire_provider SET enabled = :enabled, failures = 0 WHERE id = :id")
                .param("enabled", enabled).param("id", id).update();
        if (enabled) {
            jdbc.sql("UPDATE wire_provider SET next_poll_at = :now WHERE id = :id").param("now", now.toEpochMilli())
                    .param("id", id).update();
        }
    }

    /** HTTP providers whose next poll is due. */
    List<Row> due(Instant now) {
        return jdbc.sql(SELECT + "\n" + """
                         WHERE p.enabled = TRUE AND p.kind = 'http' AND p.url <> ''
                           AND (p.next_poll_at IS NULL OR p.next_poll_at <= :now) ORDER BY p.id""")
                .param("now", now.toEpochMilli()).query(ROW).list();
    }

    void add(ProviderForm.Valid form, String sealedCredential, Instant now) {
        jdbc.sql("""
                        INSERT INTO wire_provider (name, source_credit, kind, folder, url, credential_sealed, poll_seconds,
                                                   expected_minutes, auto_update, next_poll_at, created_at)
                        VALUES (:name, :credit, :kind, '', :url, :credential, :poll, :expected, :auto, :now, :now)""")
                .param("auto", form.autoUpdate())
                .param("name", form.name()).param("credit", form.credit()).param("kind", form.kind())
                .param("url", form.url()).param("credential", sealedCredential).param("poll", form.pollSeconds())
                .param("expected", form.expectedMinutes()).param("now", now.toEpochMilli()).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(ROW).optional();
    }

    /**
     * What a poll found, and when to poll next. {@code position} is the page the next poll starts from (null: the
     * feed's own address); the ETag and Last-Modified are that page's.
     */
    void polled(long id, String position, String etag, String lastModified, int failures, String note,
            Instant next) {
        jdbc.sql("""
                        UPDATE wire_provider SET next_url = :position, etag = :etag, last_modified = :modified,
                               failures = :failures, last_poll_note = :note, next_poll_at = :next
                        WHERE id = :id""")
                .param("position", position).param("etag", etag).param("modified", lastModified)
                .param("failures", failures).param("note", note).param("next", next.toEpochMilli()).param("id", id)
                .update();
    }
}
