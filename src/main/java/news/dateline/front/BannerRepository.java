package news.dateline.front;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code breaking_banner}: every banner set, the newest first. */
@Repository
class BannerRepository {

    private final JdbcClient jdbc;

    BannerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The banner set last, whether or not it has ended. */
    Optional<Banner> newest() {
        return jdbc.sql("SELECT id, message, link, expires_at FROM breaking_banner ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Banner(rs.getLong("id"), rs.getString("message"), rs.getString("link"),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .optional();
    }

    /** A new banner, its id after every earlier one's (two set in one millisecond stay two). */
    long insert(Instant setAt, String message, String link, Instant expiresAt, String setBy) {
        long id = Math.max(setAt.toEpochMilli(),
                jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM breaking_banner").query(Long.class).single() + 1);
        jdbc.sql("""
                        INSERT INTO breaking_banner (id, message, link, expires_at, set_by)
                        VALUES (:id, :message, :link, :expires, :by)""")
                .param("id", id).param("message", message).param("link", link)
                .param("expires", expiresAt.toEpochMilli()).param("by", setBy)
                .update();
        return id;
    }

    /** Ends every banner still running at {@code at}. */
    int endAll(Instant at) {
        return jdbc.sql("UPDATE breaking_banner SET expires_at = :at WHERE expires_at > :at")
                .param("at", at.toEpochMilli()).update();
    }
}
