package news.dateline.story;

import static news.dateline.platform.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Slugs;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.Tag;
import news.dateline.taxonomy.TagRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsroom's reads and writes of articles in any status. */
@Repository
public class EditorialRepository {

    private final JdbcClient jdbc;
    private final AuthorRepository authors;
    private final TagRepository tags;

    EditorialRepository(JdbcClient jdbc, AuthorRepository authors, TagRepository tags) {
        this.jdbc = jdbc;
        this.authors = authors;
        this.tags = tags;
    }

    public Optional<EditableArticle> find(long id) {
        return jdbc.sql("""
                        SELECT a.*, s.slug AS section_slug FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.id = :id""")
                .param("id", id)
                .query((rs, n) -> editable(rs))
                .optional()
                // Bylines and tags after the row is mapped: a nested query in the mapper would hold two connections.
                .map(a -> withBylinesAndTags(a));
    }

    public List<Author> bylines(long articleId) {
        return authors.bylinesOf(List.of(articleId)).getOrDefault(articleId, List.of());
    }

    public List<Tag> tags(long articleId) {
        return tags.tagsOf(articleId);
    }

    public List<Author> allAuthors() {
        return jdbc.sql("SELECT id, slug, name, bio FROM author ORDER BY name").query(Author.class).list();
    }

    boolean slugTaken(long sectionId, String slug, Long exceptId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM article
                        WHERE section_id = :section AND slug = :slug AND id <> :except""")
                .param("section", sectionId).param("slug", slug).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    boolean sectionExists(long sectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM section WHERE id = :id").param("id", sectionId)
                .query(Long.class).single() > 0;
    }

    long authorsFound(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM author WHERE id IN (:ids)").param("ids", ids).query(Long.class).single();
    }

    List<Long> dueForPublication(Instant now) {
        return jdbc.sql("""
                        SELECT id FROM article WHERE status = 'scheduled' AND scheduled_for <= :now
                        ORDER BY scheduled_for, id""")
                .param("now", now.toEpochMilli())
                .query(Long.class).list();
    }

    /** The newsroom's list: newest change first, optionally one status and only the account's own stories. */
    public List<ArticleListing> list(ArticleStatus status, ActingAccount mine, int limit) {
        String sql = """
                SELECT a.id, a.headline, a.status, a.modified_at, a.published_at, a.scheduled_for, a.updated_at,
                       a.pending_revision_id, s.name AS section_name, s.slug AS section_slug, a.slug,
                       (SELECT username FROM account WHERE id = a.created_by) AS created_by_name
                FROM article a JOIN section s ON s.id = a.section_id
                WHERE (:status = '' OR a.status = :status)
                  AND (:mine = 0 OR a.created_by = :account
                       OR EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id AND aa.author_id = :author))
                ORDER BY a.modified_at DESC, a.id DESC
                LIMIT :limit""";
        List<ArticleListing> rows = jdbc.sql(sql)
                .param("status", status == null ? "" : status.column())
                .param("mine", mine == null ? 0 : 1)
                .param("account", mine == null ? -1L : mine.accountId())
                .param("author", mine == null || mine.authorId() == null ? -1L : mine.authorId())
                .param("limit", limit)
                .query((rs, n) -> new ArticleListing(rs.getLong("id"), rs.getString("headline"),
                        rs.getString("section_name"), Slugs.inUrl("/" + rs.getString("section_slug") + "/" + rs.getString("slug")),
                        ArticleStatus.fromColumn(rs.getString("status")), instant(rs, "modified_at"),
                        instant(rs, "published_at"), instant(rs, "scheduled_for"),
                        rs.getObject("pending_revision_id") != null, rs.getString("created_by_name"), List.of()))
                .list();
        Map<Long, List<Author>> bylines = authors.bylinesOf(rows.stream().map(ArticleListing::id).toList());
        return rows.stream().map(r -> r.withBylines(bylines.getOrDefault(r.id(), List.of()))).toList();
    }

    private EditableArticle withBylinesAndTags(EditableArticle a) {
        List<Long> authorIds = bylines(a.id()).stream().map(Author::id).toList();
        List<String> tagNames = tags.tagsOf(a.id()).stream().map(Tag::name).toList();
        ArticleDraft d = a.draft();
        return new EditableArticle(a.id(), new ArticleDraft(d.sectionId(), d.slug(), d.headline(), d.standfirst(),
                d.body(), d.datelinePlace(), d.sourceCredit(), authorIds, tagNames), a.sectionSlug(), a.status(),
                a.publishedAt(), a.updatedAt(), a.scheduledFor(), a.modifiedAt(), a.createdBy(), a.pendingRevisionId(),
                a.importNote());
    }

    private static EditableArticle editable(ResultSet rs) throws SQLException {
        ArticleDraft d = new ArticleDraft(rs.getLong("section_id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body"), rs.getString("dateline_place"),
                rs.getString("source_credit"), List.of(), List.of());
        long createdBy = rs.getLong("created_by");
        Long owner = rs.wasNull() ? null : createdBy;
        long pending = rs.getLong("pending_revision_id");
        Long pendingId = rs.wasNull() ? null : pending;
        return new EditableArticle(rs.getLong("id"), d, rs.getString("section_slug"),
                ArticleStatus.fromColumn(rs.getString("status")), instant(rs, "published_at"),
                instant(rs, "updated_at"), instant(rs, "scheduled_for"), instant(rs, "modified_at"), owner, pendingId,
                java.util.Objects.requireNonNullElse(rs.getString("import_note"), ""));
    }

    /** One row of the newsroom's article list. */
    public record ArticleListing(
            long id,
            String headline,
            String sectionName,
            String path,
            ArticleStatus status,
            Instant modifiedAt,
            Instant publishedAt,
            Instant scheduledFor,
            boolean pendingUpdate,
            String createdBy,
            List<Author> authors) {

        ArticleListing withBylines(List<Author> bylines) {
            return new ArticleListing(id, headline, sectionName, path, status, modifiedAt, publishedAt, scheduledFor,
                    pendingUpdate, createdBy, bylines);
        }
    }
}
