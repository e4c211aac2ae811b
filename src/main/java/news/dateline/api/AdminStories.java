package news.dateline.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.live.LiveService;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.story.ArticleDraft;
import news.dateline.story.ArticleService;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.Intent;
import news.dateline.story.RevisionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin API's writes, each one transaction that calls the editor's own services (story's ArticleService, live's
 * LiveService: the same role rules, validation, revisions and recorded change) and records the write in the audit
 * log. An update names the version it was written against ({@code If-Match}); when another write came first it is
 * refused with 412 and the current version, and nothing changes.
 */
@Service
class AdminStories {

    static final String VERSION_REQUIRED = "Send the version you are changing: If-Match: \"<version>\" (from GET).";
    static final String STALE = "The story has changed since version %s: it is at version %d. Read it again, then "
            + "send your change against that version.";
    static final String NO_STORY = "There is no story %d.";

    /** The story as the admin API shows it, with the version an update must name. */
    record Current(EditableArticle article, long version) {
    }

    private final ArticleService stories;
    private final EditorialRepository editorial;
    private final RevisionRepository revisions;
    private final LiveService live;
    private final AuditLog audit;
    private final ContentRepository content;

    AdminStories(ArticleService stories, EditorialRepository editorial, RevisionRepository revisions,
            LiveService live, AuditLog audit, ContentRepository content) {
        this.stories = stories;
        this.editorial = editorial;
        this.revisions = revisions;
        this.live = live;
        this.audit = audit;
        this.content = content;
    }

    @Transactional(readOnly = true)
    public Current read(long id) {
        return current(id);
    }

    @Transactional
    public Current create(ArticleDraft draft, ActingAccount by) {
        long id = stories.write(null, draft, Intent.SAVE, null, null, by);
        audit.record(by, AuditAction.API_WRITE, draft.headline() + " (#" + id + ")", "created");
        return current(id);
    }

    /** {@code expected} is the version from If-Match; {@code null} when none was sent. */
    @Transactional
    public Current update(long id, String expected, ArticleDraft draft, ActingAccount by) {
        Current before = current(id);
        requireVersion(before, expected);
        stories.write(id, draft, Intent.SAVE, null, null, by);
        Current after = current(id);
        // Another writer may have read the same version and written first (PostgreSQL lets both read it; the
        // article row's lock then orders the writes): ours must be the revision right after the one we were sent.
        if (content.revisionBefore(id, after.version()).orElse(0L) != before.version()) {
            throw Refusal.precondition(false, STALE.formatted(expected, after.version() - 1),
                    Map.of("version", String.valueOf(current(id).version())));
        }
        audit.record(by, AuditAction.API_WRITE, draft.headline() + " (#" + id + ")", "updated");
        return after;
    }

    /** Publish, schedule or unpublish the story as it stands (ArticleService records these in the audit log). */
    @Transactional
    public Current change(long id, String expected, Intent intent, Instant at, ActingAccount by) {
        Current before = current(id);
        if (expected != null) {
            requireVersion(before, expected);
        }
        stories.write(id, before.article().draft(), intent, at, null, by);
        return current(id);
    }

    @Transactional
    public long postLiveEntry(long id, String body, boolean keyEvent, ActingAccount by) {
        Current story = current(id);
        long entry = live.addEntry(by, id, body, keyEvent);
        audit.record(by, AuditAction.API_WRITE, story.article().draft().headline() + " (#" + id + ")",
                "live entry " + entry);
        return entry;
    }

    private Current current(long id) {
        EditableArticle article = editorial.find(id).orElseThrow(() -> Refusal.notFound(NO_STORY.formatted(id)));
        return new Current(article, revisions.currentRevisionId(id).orElse(0L));
    }

    private static void requireVersion(Current current, String expected) {
        if (expected == null || expected.isBlank()) {
            throw Refusal.precondition(true, VERSION_REQUIRED, Map.of("version", String.valueOf(current.version())));
        }
        String sent = expected.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!sent.equals(String.valueOf(current.version()))) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("version", String.valueOf(current.version()));
            throw Refusal.precondition(false, STALE.formatted(sent, current.version()), fields);
        }
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
