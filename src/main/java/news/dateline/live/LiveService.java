package news.dateline.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.LiveEntryChanged.Kind;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.StoryChanged;
import news.dateline.story.ArticleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of live coverage. Editors and admins cover any story live; authors only stories with their byline;
 * contributors none. Each change is one transaction with its recorded change: starting or ending coverage is a
 * {@link StoryChanged} (the badge changes; the story's own door, {@link ArticleService}, writes it), an entry a
 * {@link LiveEntryChanged} that drops only the article's page and reaches readers who have it open.
 */
@Service
public class LiveService {

    private final LiveRepository live;
    private final ArticleService stories;
    private final ChangeLog changes;
    private final Clock clock;

    LiveService(LiveRepository live, ArticleService stories, ChangeLog changes, Clock clock) {
        this.live = live;
        this.stories = stories;
        this.changes = changes;
        this.clock = clock;
    }

    /** Whether this staff member may run the article's live coverage at all (for showing the controls). */
    public boolean mayCover(ActingAccount by, long articleId) {
        return by.isEditor() || (by.canPublish() && live.isOnByline(by.username(), articleId));
    }

    @Transactional
    public void start(ActingAccount by, long articleId) {
        LiveCoverage coverage = allowed(by, articleId);
        if (coverage.isLive()) {
            return;
        }
        stories.setLiveCoverage(articleId, true, by);
    }

    @Transactional
    public void end(ActingAccount by, long articleId) {
        LiveCoverage coverage = allowed(by, articleId);
        if (!coverage.isLive()) {
            return;
        }
        stories.setLiveCoverage(articleId, false, by);
    }

    @Transactional
    public long addEntry(ActingAccount by, long articleId, String body, boolean keyEvent) {
        LiveCoverage coverage = allowed(by, articleId);
        if (!coverage.isLive()) {
            throw Refusal.invalid(LiveEntryRules.NOT_LIVE, Map.of());
        }
        checked(body);
        Instant now = clock.instant();
        long id = live.insert(articleId, LiveEntryRules.normalised(body), keyEvent, by.username(), now);
        recordEntry(by, articleId, id, Kind.ADDED, now);
        return id;
    }

    /** A live entry from another Dateline (its export): who wrote it, when, whether it was edited or removed. */
    public record ImportedEntry(String author, Instant createdAt, Instant editedAt, Instant deletedAt,
            boolean keyEvent, String body) {
    }

    /**
     * Files the live entries of an imported story as they were, times and removed ones included. Only editors and
     * admins import; the import records its one change for all its stories (a {@code StoriesImported}), which drops
     * every cached page, so no entry change is recorded here.
     */
    @Transactional
    public void importEntries(long articleId, java.util.List<ImportedEntry> entries, ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(LiveEntryRules.NOT_ALLOWED);
        }
        for (ImportedEntry entry : entries) {
            live.insertImported(articleId, entry);
        }
    }

    @Transactional
    public void editEntry(ActingAccount by, long entryId, String body, boolean keyEvent) {
        LiveEntry entry = existing(entryId);
        allowed(by, entry.articleId());
        checked(body);
        Instant now = clock.instant();
        live.update(entryId, LiveEntryRules.normalised(body), keyEvent, now);
        recordEntry(by, entry.articleId(), entryId, Kind.EDITED, now);
    }

    @Transactional
    public void deleteEntry(ActingAccount by, long entryId) {
        LiveEntry entry = existing(entryId);
        allowed(by, entry.articleId());
        Instant now = clock.instant();
        live.markDeleted(entryId, now);
        recordEntry(by, entry.articleId(), entryId, Kind.DELETED, now);
    }

    /** The entry's change, and the story's update time with it: feeds, sitemaps and JSON-LD say when it changed. */
    private void recordEntry(ActingAccount by, long articleId, long entryId, Kind kind, Instant now) {
        stories.liveEntryChanged(articleId, now, by);
        changes.record(new LiveEntryChanged(articleId, entryId, kind));
    }

    private LiveCoverage allowed(ActingAccount by, long articleId) {
        LiveCoverage coverage = live.coverage(articleId)
                .orElseThrow(() -> Refusal.notFound("There is no article " + articleId + "."));
        if (!mayCover(by, articleId)) {
            throw Refusal.forbidden(LiveEntryRules.NOT_ALLOWED);
        }
        return coverage;
    }

    private LiveEntry existing(long entryId) {
        return live.find(entryId)
                .orElseThrow(() -> Refusal.notFound("There is no live entry " + entryId + "."));
    }

    private static void checked(String body) {
        LiveEntryRules.problem(body).ifPresent(problem -> {
            throw Refusal.invalid(Map.of("body", problem));
        });
    }
}
