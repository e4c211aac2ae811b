package news.dateline.wire;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.Intent;
import news.dateline.story.withdrawal.WithdrawnStories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The kill: a canceled version withdraws every story made from the item, in the transaction that stores the
 * version. Each published or scheduled story is unpublished through {@link ArticleService} (a revision by the site,
 * and the recorded change that drops cached pages and search entries, here and on other nodes), and its address
 * answers 410 Gone from then on ({@link WithdrawnStories}). The kill log keeps when the notice arrived and when the
 * last story was withdrawn: the time is taken after the commit, once this node's listeners have dropped the pages.
 */
@Service
class WireKills implements WithdrawnStories {

    static final String NOTICE = "The agency that supplied this story has withdrawn it.";

    private final ArticleService articles;
    private final EditorialRepository editorial;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    WireKills(ArticleService articles, EditorialRepository editorial, JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.articles = articles;
        this.editorial = editorial;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inside {@link WireIngest}'s transaction. Returns how many stories were withdrawn. */
    int kill(long itemId, long versionId, Instant noticeAt, String doneBy) {
        List<Long> stories = jdbc.sql("SELECT article_id FROM wire_story WHERE item_id = :item ORDER BY article_id")
                .param("item", itemId).query(Long.class).list();
        for (long articleId : stories) {
            Optional<EditableArticle> story = editorial.find(articleId);
            if (story.isPresent() && story.get().status() != ArticleStatus.DRAFT) {
                articles.write(articleId, story.get().draft(), Intent.UNPUBLISH, null, null, ActingAccount.SITE);
                audit.record(ActingAccount.SITE, AuditAction.STORY_KILLED, story.get().draft().headline(),
                        doneBy);
            }
        }
        Instant now = clock.instant();
        long killId = jdbc.sql("""
                        INSERT INTO wire_kill (item_id, version_id, notice_at, withdrawn_at, stories, done_by)
                        VALUES (:item, :version, :notice, :now, :stories, :by)
                        RETURNING id""")
                .param("item", itemId).param("version", versionId).param("notice", noticeAt.toEpochMilli())
                .param("now", now.toEpochMilli()).param("stories", stories.size()).param("by", doneBy)
                .query(Long.class).single();
        for (long articleId : stories) {
            jdbc.sql("""
                            INSERT INTO wire_withdrawn (article_id, kill_id, notice, withdrawn_at)
                            VALUES (:article, :kill, :notice, :now)""")
                    .param("article", articleId).param("kill", killId).param("notice", NOTICE)
                    .param("now", now.toEpochMilli()).update();
        }
        // Registered after the story changes' own listeners, so it runs once they have dropped the pages.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jdbc.sql("UPDATE wire_kill SET withdrawn_at = :at WHERE id = :id")
                        .param("at", clock.millis()).param("id", killId).update();
            }
        });
        return stories.size();
    }

    @Override
    public Optional<String> noticeAt(String sectionSlug, String slug) {
        return jdbc.sql("""
                        SELECT w.notice FROM wire_withdrawn w
                        JOIN article a ON a.id = w.article_id JOIN section s ON s.id = a.section_id
                        WHERE s.slug = :section AND a.slug = :slug AND a.status <> 'published'""")
                .param("section", sectionSlug).param("slug", slug).query(String.class).optional();
    }

    @Override
    public Optional<Long> articleAt(String sectionSlug, String slug) {
        return jdbc.sql("""
                        SELECT w.article_id FROM wire_withdrawn w
                        JOIN article a ON a.id = w.article_id JOIN section s ON s.id = a.section_id
                        WHERE s.slug = :section AND a.slug = :slug AND a.status <> 'published'""")
                .param("section", sectionSlug).param("slug", slug).query(Long.class).optional();
    }

    @Override
    public Optional<String> notice(long articleId) {
        return jdbc.sql("""
                        SELECT w.notice FROM wire_withdrawn w JOIN article a ON a.id = w.article_id
                        WHERE w.article_id = :article AND a.status <> 'published'""")
                .param("article", articleId).query(String.class).optional();
    }
}
