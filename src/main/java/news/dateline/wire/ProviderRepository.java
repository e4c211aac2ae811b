package news.dateline.wire;

import static news.dateline.platform.Rows.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers and what the intake notes about them: when they last sent something, how many files failed. */
@Repository
class ProviderRepository {

    private static final RowMapper<Provider> PROVIDER = (rs, n) -> new Provider(rs.getLong("id"),
            rs.getString("name"), rs.getString("source_credit"), rs.getString("kind"), rs.getString("folder"),
            rs.getInt("expected_minutes"), instant(rs, "last_received_at"));

    private final JdbcClient jdbc;

    ProviderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Provider> enabled() {
        return jdbc.sql("SELECT * FROM wire_provider WHERE enabled = TRUE ORDER BY name").query(PROVIDER).list();
    }

    List<Provider> all() {
        return jdbc.sql("SELECT * FROM wire_provider ORDER BY name").query(PROVIDER).list();
    }

    Optional<Provider> find(long id) {
        return jdbc.sql("SELECT * FROM wire_provider WHERE id = :id").param("id", id).query(PROVIDER).optional();
    }

    /**
     * The first provider, watching {@code <data dir>/wire/incoming}: there on every site, added once. Looked for
     * first, so a start finding it there writes nothing (and waits for no writer, such as the intake storing a
     * backlog).
     */
    void ensureFirst(Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM wire_provider WHERE name = 'wire'").query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO wire_provider (name, kind, created_at)
                            SELECT 'wire', 'folder', :now WHERE NOT EXISTS (SELECT 1 FROM wire_provider WHERE name = 'wire')""")
                    .param("now", now.toEpochMilli()).update();
        } catch (org.springframework.dao.DuplicateKeyException another) {
            // another node added it at the same moment
        }
    }

    void received(long providerId, Instant at) {
        jdbc.sql("UPDATE wire_provider SET last_received_at = :at WHERE id = :id")
                .param("at", at.toEpochMilli()).param("id", providerId).update();
    }
}
