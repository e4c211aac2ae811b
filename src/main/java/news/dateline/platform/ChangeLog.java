package news.dateline.platform;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox: each write appends what changed in the same transaction, and every
 * node's caches and search index follow these rows (see docs/architecture.md).
 */
@Repository
public class ChangeLog {

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Long articleId, String kind, Instant now) {
        jdbc.sql("INSERT INTO change_log (article_id, kind, created_at) VALUES (:article, :kind, :now)")
                .param("article", articleId).param("kind", kind).param("now", now.toEpochMilli())
                .update();
    }
}
