package news.dateline.story;

import static news.dateline.platform.Rows.millis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one door through which stories are written: every INSERT and UPDATE of {@code article}, its bylines, tags
 * and slug history. Only {@link ArticleService} calls it, after the role check, and writes the revision and the
 * change beside it; readers' and the newsroom's queries live in {@link ArticleRepository} and
 * {@link EditorialRepository}.
 */
@Repository
class ArticleWriter {

    private final JdbcClient jdbc;

    ArticleWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewArticle draft, Instant now) {
        return jdbc.sql("""
                        INSERT INTO article (section_id, slug, headline, standfirst, body, dateline_place,
                                             source_credit, status, created_at, modified_at, published_at, updated_at)
                        VALUES (:section, :slug, :headline, :standfirst, :body, :dateline, :source, :status,
                                :now, :now, :publishedAt, :updatedAt)
                        RETURNING id""")
                .param("section", draft.sectionId())
                .param("slug", draft.slug())
                .param("headline", draft.headline())
                .param("standfirst", draft.standfirst())
                .param("body", draft.body())
                .param("dateline", draft.datelinePlace())
                .param("source", draft.sourceCredit())
                .param("status", draft.status().column())
                .param("now", now.toEpochMilli())
                .param("publishedAt", millis(draft.publishedAt()))
                .param("updatedAt", millis(draft.updatedAt()))
                .query(Long.class)
                .single();
    }

    void linkAuthors(long articleId, List<Long> authorIds) {
        for (int i = 0; i < authorIds.size(); i++) {
            jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :b, :p)")
                    .param("a", articleId).param("b", authorIds.get(i)).param("p", i).update();
        }
    }

    void linkTags(long articleId, List<Long> tagIds) {
        for (int i = 0; i < tagIds.size(); i++) {
            jdbc.sql("INSERT INTO article_tag (article_id, tag_id, position) VALUES (:a, :t, :p)")
                    .param("a", articleId).param("t", tagIds.get(i)).param("p", i).update();
        }
    }

    /** Returns the section id and slug the article had, for the slug history. */
    Optional<Map.Entry<Long, String>> currentAddress(long articleId) {
        return jdbc.sql("SELECT section_id, slug FROM article WHERE id = :id")
                .param("id", articleId)
                .query((rs, n) -> Map.entry(rs.getLong("section_id"), rs.getString("slug")))
                .optional();
    }

    void retireSlug(long articleId, long sectionId, String slug, Instant now) {
        // A slug may come back to an article that used it before: the live address is never a redirect.
        jdbc.sql("DELETE FROM article_slug_history WHERE section_id = :section AND slug = :slug")
                .param("section", sectionId).param("slug", slug).update();
        jdbc.sql("""
                        INSERT INTO article_slug_history (section_id, slug, article_id, retired_at)
                        VALUES (:section, :slug, :article, :now)""")
                .param("section", sectionId).param("slug", slug).param("article", articleId)
                .param("now", now.toEpochMilli()).update();
    }

    void moveTo(long articleId, long sectionId, String slug, Instant now) {
        jdbc.sql("DELETE FROM article_slug_history WHERE section_id = :section AND slug = :slug")
                .param("section", sectionId).param("slug", slug).update();
        jdbc.sql("UPDATE article SET section_id = :section, slug = :slug, modified_at = :now WHERE id = :id")
                .param("section", sectionId).param("slug", slug).param("now", now.toEpochMilli())
                .param("id", articleId).update();
    }

    void setCreatedBy(long articleId, long accountId) {
        jdbc.sql("UPDATE article SET created_by = :account WHERE id = :id")
                .param("account", accountId).param("id", articleId).update();
    }

    void updateFields(long id, ArticleDraft d, Instant now) {
        jdbc.sql("""
                        UPDATE article SET section_id = :section, slug = :slug, headline = :headline,
                               standfirst = :standfirst, body = :body, dateline_place = :dateline,
                               source_credit = :source, modified_at = :now
                        WHERE id = :id""")
                .param("section", d.sectionId()).param("slug", d.slug()).param("headline", d.headline())
                .param("standfirst", d.standfirst()).param("body", d.body()).param("dateline", d.datelinePlace())
                .param("source", d.sourceCredit()).param("now", now.toEpochMilli()).param("id", id)
                .update();
        jdbc.sql("DELETE FROM article_author WHERE article_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM article_tag WHERE article_id = :id").param("id", id).update();
    }

    void publish(long id, Instant now) {
        jdbc.sql("""
                        UPDATE article SET status = 'published', published_at = COALESCE(published_at, :now),
                               scheduled_for = NULL, modified_at = :now
                        WHERE id = :id""")
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    void schedule(long id, Instant at, Instant now) {
        jdbc.sql("""
                        UPDATE article SET status = 'scheduled', scheduled_for = :at, modified_at = :now
                        WHERE id = :id""")
                .param("at", at.toEpochMilli()).param("now", now.toEpochMilli()).param("id", id).update();
    }

    void unpublish(long id, Instant now) {
        jdbc.sql("UPDATE article SET status = 'draft', scheduled_for = NULL, modified_at = :now WHERE id = :id")
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    /** A change readers should be told about: the page shows "Updated" with this time. */
    void markUpdated(long id, Instant now) {
        jdbc.sql("UPDATE article SET updated_at = :now WHERE id = :id")
                .param("now", now.toEpochMilli()).param("id", id).update();
    }

    void setPendingRevision(long id, Long revisionId) {
        jdbc.sql("UPDATE article SET pending_revision_id = :revision WHERE id = :id")
                .param("revision", revisionId).param("id", id).update();
    }

    /**
     * Conditional, so that when several nodes (or a node and a writer's unpublish) race for the same story, exactly
     * one of them publishes it: the others find it no longer scheduled and change nothing.
     */
    boolean publishIfDue(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE article SET status = 'published', published_at = COALESCE(published_at, :now),
                               scheduled_for = NULL, modified_at = :now
                        WHERE id = :id AND status = 'scheduled' AND scheduled_for <= :now""")
                .param("now", now.toEpochMilli()).param("id", id).update() == 1;
    }

    /** Starting again after an end continues the same coverage: the first start time stays. */
    void startLive(long articleId, Instant now) {
        jdbc.sql("""
                        UPDATE article SET live_since = COALESCE(live_since, :now), live_ended_at = NULL,
                                           modified_at = :now
                        WHERE id = :id""")
                .param("now", now.toEpochMilli()).param("id", articleId).update();
    }

    /**
     * A live entry was posted, edited or removed: the story changed then. A published story shows it as its update
     * time (page, JSON-LD, feeds, sitemaps); a draft's public times are not set before publication.
     */
    void liveEntryChanged(long articleId, Instant now) {
        jdbc.sql("""
                        UPDATE article SET modified_at = :now,
                               updated_at = CASE WHEN status = 'published' THEN :now ELSE updated_at END
                        WHERE id = :id""")
                .param("now", now.toEpochMilli()).param("id", articleId).update();
    }

    void endLive(long articleId, Instant now) {
        jdbc.sql("UPDATE article SET live_ended_at = :now, modified_at = :now WHERE id = :id")
                .param("now", now.toEpochMilli()).param("id", articleId).update();
    }

    long insertImported(ArticleService.ImportedStory a) {
        return jdbc.sql("""
                        INSERT INTO article (kind, section_id, slug, headline, standfirst, body, dateline_place,
                                             source_credit, status, created_at, modified_at, published_at,
                                             updated_at, scheduled_for, import_note, live_since, live_ended_at)
                        VALUES (:kind, :section, :slug, :headline, :standfirst, :body, :place, :source, :status,
                                :created, :created, :published, :updated, :scheduled, :importNote, :liveSince,
                                :liveEnded)
                        RETURNING id""")
                .param("kind", a.kind()).param("section", a.sectionId()).param("slug", a.slug()).param("headline", a.headline())
                .param("standfirst", a.standfirst()).param("body", a.body()).param("place", a.datelinePlace())
                .param("source", a.sourceCredit()).param("status", a.status())
                .param("created", a.date().toEpochMilli())
                .param("updated", a.updatedAt() == null ? null : a.updatedAt().toEpochMilli())
                .param("published", a.publishedAt() == null ? null : a.publishedAt().toEpochMilli())
                .param("scheduled", a.scheduledFor() == null ? null : a.scheduledFor().toEpochMilli())
                .param("importNote", a.importNote() == null || a.importNote().isBlank() ? null : a.importNote())
                .param("liveSince", a.liveSince() == null ? null : a.liveSince().toEpochMilli())
                .param("liveEnded", a.liveEndedAt() == null ? null : a.liveEndedAt().toEpochMilli())
                .query(Long.class).single();
    }
}
