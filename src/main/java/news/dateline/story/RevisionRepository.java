package news.dateline.story;

import static news.dateline.platform.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import news.dateline.platform.ActingAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Snapshots of every save. Tags are kept by name, one a line; bylines by author id, comma-separated, in order. */
@Repository
public class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long articleId, ActingAccount by, String kind, ArticleDraft d, Instant now) {
        return insert(articleId, by == null || by.isSite() ? null : by.accountId(),
                by == null ? "scheduler" : by.username(), kind, d, now);
    }

    /** A revision saved on another site (an import): by a name there, by no account here. */
    long insertImported(long articleId, String savedBy, String kind, ArticleDraft d, Instant savedAt) {
        return insert(articleId, null, savedBy, kind, d, savedAt);
    }

    private long insert(long articleId, Long accountId, String savedBy, String kind, ArticleDraft d, Instant now) {
        return jdbc.sql("""
                        INSERT INTO article_revision (article_id, account_id, saved_by, saved_at, kind, section_id,
                                                      slug, headline, standfirst, body, dateline_place,
                                                      source_credit, tags, author_ids)
                        VALUES (:article, :account, :savedBy, :now, :kind, :section, :slug, :headline, :standfirst,
                                :body, :dateline, :source, :tags, :authors)
                        RETURNING id""")
                .param("article", articleId).param("account", accountId)
                .param("savedBy", savedBy).param("now", now.toEpochMilli())
                .param("kind", kind).param("section", d.sectionId()).param("slug", d.slug())
                .param("headline", d.headline()).param("standfirst", d.standfirst()).param("body", d.body())
                .param("dateline", d.datelinePlace()).param("source", d.sourceCredit())
                .param("tags", String.join("\n", d.tagNames()))
                .param("authors", d.authorIds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .query(Long.class)
                .single();
    }

    /** Autosaves every few seconds would bury the real saves: the latest autosave by the same account is replaced. */
    long replaceAutosave(long articleId, ActingAccount by, ArticleDraft d, Instant now) {
        Optional<Revision> latest = latest(articleId);
        if (latest.isPresent() && latest.get().kind().equals("autosave") && latest.get().savedBy().equals(by.username())) {
            jdbc.sql("DELETE FROM article_revision WHERE id = :id").param("id", latest.get().id()).update();
        }
        return insert(articleId, by, "autosave", d, now);
    }

    /** An update for review remembers the live version it was written against. */
    void setBasedOn(long revisionId, Long basedOn) {
        jdbc.sql("UPDATE article_revision SET based_on_revision_id = :base WHERE id = :id")
                .param("base", basedOn).param("id", revisionId).update();
    }

    Optional<Long> basedOn(long revisionId) {
        return jdbc.sql("SELECT based_on_revision_id FROM article_revision WHERE id = :id")
                .param("id", revisionId)
                .query((rs, n) -> {
                    long base = rs.getLong(1);
                    return rs.wasNull() ? null : base;
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The revision the article row holds now: every save but an update for review is written to the row, so it is
     * the newest revision that is not one of those. Empty for a story that has no revisions (imported, say).
     */
    public Optional<Long> currentRevisionId(long articleId) {
        return jdbc.sql("""
                        SELECT id FROM article_revision WHERE article_id = :article AND kind <> 'pending'
                        ORDER BY id DESC LIMIT 1""")
                .param("article", articleId)
                .query(Long.class)
                .optional();
    }

    public List<Revision> of(long articleId) {
        return jdbc.sql("SELECT * FROM article_revision WHERE article_id = :article ORDER BY id DESC")
                .param("article", articleId)
                .query((rs, n) -> revision(rs))
                .list();
    }

    public Optional<Revision> find(long articleId, long revisionId) {
        return jdbc.sql("SELECT * FROM article_revision WHERE article_id = :article AND id = :id")
                .param("article", articleId).param("id", revisionId)
                .query((rs, n) -> revision(rs))
                .optional();
    }

    Optional<Revision> latest(long articleId) {
        return jdbc.sql("SELECT * FROM article_revision WHERE article_id = :article ORDER BY id DESC LIMIT 1")
                .param("article", articleId)
                .query((rs, n) -> revision(rs))
                .optional();
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        String tags = rs.getString("tags");
        String authors = rs.getString("author_ids");
        ArticleDraft snapshot = new ArticleDraft(rs.getLong("section_id"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), rs.getString("body"),
                rs.getString("dateline_place"), rs.getString("source_credit"),
                authors.isEmpty() ? List.of() : Arrays.stream(authors.split(",")).map(Long::valueOf).toList(),
                tags.isEmpty() ? List.of() : List.of(tags.split("\n")));
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getString("saved_by"),
                instant(rs, "saved_at"), rs.getString("kind"), snapshot);
    }
}
