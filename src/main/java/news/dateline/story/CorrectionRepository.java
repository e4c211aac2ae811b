package news.dateline.story;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.ActingAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CorrectionRepository {

    private final JdbcClient jdbc;

    CorrectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long articleId, String note, ActingAccount by, Instant now) {
        jdbc.sql("""
                        INSERT INTO article_correction (article_id, note, created_at, account_id)
                        VALUES (:article, :note, :now, :account)""")
                .param("article", articleId).param("note", note).param("now", now.toEpochMilli())
                .param("account", by.accountId())
                .update();
    }

    /** A correction brought by an import: made on another site, so by no account here. */
    void insertImported(long articleId, String note, Instant at) {
        jdbc.sql("""
                        INSERT INTO article_correction (article_id, note, created_at)
                        VALUES (:article, :note, :at)""")
                .param("article", articleId).param("note", note).param("at", at.toEpochMilli())
                .update();
    }

    /** Newest first, as the corrections box lists them. */
    public List<Correction> of(long articleId) {
        return jdbc.sql("""
                        SELECT id, article_id, created_at, note FROM article_correction
                        WHERE article_id = :article ORDER BY created_at DESC, id DESC""")
                .param("article", articleId)
                .query((rs, n) -> new Correction(rs.getLong("id"), rs.getLong("article_id"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("note")))
                .list();
    }

    /** A public note on a published story saying what was corrected and when; it stays forever. */
    public record Correction(long id, long articleId, Instant createdAt, String note) {
    }
}
