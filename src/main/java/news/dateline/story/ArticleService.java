package news.dateline.story;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.StoryChanged.Kind;
import news.dateline.taxonomy.TagRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of writing articles, and the only way to write one: the role is checked, then the draft, then the
 * story is written through {@link ArticleWriter} with its revision and its recorded change, in one transaction.
 * The editor, the scheduler, live coverage, the sample site, the WordPress import and the tests all come here.
 */
@Service
public class ArticleService {

    private final ArticleWriter articles;
    private final TagRepository tags;
    private final ChangeLog changes;
    private final Clock clock;
    private final EditorialRepository editorial;
    private final RevisionRepository revisions;
    private final CorrectionRepository corrections;
    private final ArticleRules rules;
    private final AuditLog audit;
    private final org.springframework.beans.factory.ObjectProvider<news.dateline.story.hold.PublicationHolds> holds;

    ArticleService(ArticleWriter articles, TagRepository tags, ChangeLog changes, Clock clock,
            EditorialRepository editorial, RevisionRepository revisions, CorrectionRepository corrections,
            ArticleRules rules, AuditLog audit,
            org.springframework.beans.factory.ObjectProvider<news.dateline.story.hold.PublicationHolds> holds) {
        this.audit = audit;
        this.holds = holds;
        this.articles = articles;
        this.tags = tags;
        this.changes = changes;
        this.clock = clock;
        this.editorial = editorial;
        this.revisions = revisions;
        this.corrections = corrections;
        this.rules = rules;
    }

    private void recordChange(long articleId, Kind kind) {
        changes.record(new StoryChanged(articleId, kind));
    }

    /** The audit log's line for a change readers see (publish, unpublish, schedule, correct), in this transaction. */
    private void audit(ActingAccount by, AuditAction action, long articleId, String headline, String detail) {
        audit.record(by, action, headline + " (#" + articleId + ")", detail);
    }

    /**
     * Files a finished story as it is, dates included: the sample site at first start, and the test builder. A
     * contributor's story can only be a draft; its first revision is this version.
     */
    @Transactional
    public long create(NewArticle draft, ActingAccount by) {
        if (!Slugs.VALID.matcher(draft.slug()).matches()) {
            throw new IllegalArgumentException("Not a valid slug: " + draft.slug());
        }
        if (draft.status() != ArticleStatus.DRAFT && !ArticlePermissions.canPublish(by, null)) {
            throw Refusal.forbidden(MAY_NOT_PUBLISH);
        }
        Instant now = clock.instant();
        long id = articles.insert(draft, now);
        if (!by.isSite()) {
            articles.setCreatedBy(id, by.accountId());
        }
        articles.linkAuthors(id, draft.authorIds());
        articles.linkTags(id, draft.tagNames().stream().distinct().map(tags::idFor).distinct().toList());
        revisions.insert(id, by, Kind.CREATED.code(), editable(id).draft(), now);
        recordChange(id, Kind.CREATED);
        switch (draft.status()) {
            case PUBLISHED -> audit(by, AuditAction.STORY_PUBLISHED, id, draft.headline(), "filed published");
            case SCHEDULED -> audit(by, AuditAction.STORY_SCHEDULED, id, draft.headline(), "filed scheduled");
            default -> {
            }
        }
        return id;
    }

    /** A story from another system (a WordPress export), with its own dates and status. */
    public record ImportedStory(String kind, long sectionId, String slug, String headline, String standfirst,
            String body, String datelinePlace, String sourceCredit, String status, Instant date, Instant publishedAt,
            Instant updatedAt, Instant scheduledFor, List<Long> authorIds, List<Long> tagIds, String importNote,
            List<Correction> corrections, List<OldSlug> oldSlugs, Instant liveSince, Instant liveEndedAt,
            List<SavedRevision> revisions) {

        /** A version saved on the site it comes from (Dateline's own export), kept as that site's history. */
        public record SavedRevision(String savedBy, Instant savedAt, String kind, ArticleDraft snapshot) {
        }

        /** A correction the story had on the site it comes from (Dateline's own export). */
        public record Correction(Instant at, String note) {
        }

        /** An address the story had there, which keeps answering with a redirect here. */
        public record OldSlug(long sectionId, String slug, Instant retiredAt) {
        }
    }

    /**
     * Files an imported story. Only editors and admins import; the change is the caller's to record, once for the
     * whole import ({@link news.dateline.platform.change.StoriesImported}), in the same transaction.
     */
    @Transactional
    public long importStory(ImportedStory story, ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(MAY_NOT_PUBLISH);
        }
        long id = articles.insertImported(story);
        articles.linkAuthors(id, story.authorIds());
        articles.linkTags(id, story.tagIds());
        if (story.revisions().isEmpty()) {
            revisions.insert(id, by, "imported", editable(id).draft(), story.date());
        }
        // oldest first, so the newest stays the current one, as it was there
        for (ImportedStory.SavedRevision saved : story.revisions()) {
            revisions.insertImported(id, saved.savedBy(), saved.kind(), saved.snapshot(), saved.savedAt());
        }
        for (ImportedStory.Correction correction : story.corrections()) {
            corrections.insertImported(id, correction.note(), correction.at());
        }
        for (ImportedStory.OldSlug old : story.oldSlugs()) {
            if (old.sectionId() != story.sectionId() || !old.slug().equals(story.slug())) {
                articles.retireSlug(id, old.sectionId(), old.slug(), old.retiredAt());
            }
        }
        return id;
    }

    /** Live coverage starts or ends; {@code LiveService} has checked its own rules, this checks the story's. */
    @Transactional
    public void setLiveCoverage(long articleId, boolean live, ActingAccount by) {
        EditableArticle current = editable(articleId);
        if (!by.isEditor() && !(by.canPublish() && ArticlePermissions.owns(by, current))) {
            throw Refusal.forbidden(MAY_NOT_EDIT);
        }
        Instant now = clock.instant();
        if (live) {
            articles.startLive(articleId, now);
        } else {
            articles.endLive(articleId, now);
        }
        recordChange(articleId, live ? Kind.LIVE_STARTED : Kind.LIVE_ENDED);
    }

    /**
     * A live entry of this story was posted, edited or removed at {@code at}: the story's update time follows.
     * Called inside {@code LiveService}'s transaction, which records the entry's own change (a
     * {@code LiveEntryChanged}); no revision, since the story's text is unchanged.
     */
    @Transactional
    public void liveEntryChanged(long articleId, Instant at, ActingAccount by) {
        EditableArticle current = editable(articleId);
        if (!by.isEditor() && !(by.canPublish() && ArticlePermissions.owns(by, current))) {
            throw Refusal.forbidden(MAY_NOT_EDIT);
        }
        articles.liveEntryChanged(articleId, at);
    }

    /**
     * One save from the editor: the role is checked first, then the draft, and only then is anything written, so a
     * refused or invalid save changes nothing. Every save is a revision. Returns the article's id (new or not).
     *
     * @param articleId {@code null} for a new story
     * @param scheduleAt when {@code intent} is {@link Intent#SCHEDULE}
     * @param note the public correction note when {@code intent} is {@link Intent#CORRECT}
     */
    @Transactional
    public long write(Long articleId, ArticleDraft draft, Intent intent, Instant scheduleAt, String note,
            ActingAccount by) {
        return write(articleId, draft, intent, scheduleAt, note, by, null);
    }

    /**
     * @param basedOn for an update for review, the revision the writer's editor page was showing (see
     *     {@link RevisionRepository#currentRevisionId}); {@code null} means the story as it is now
     */
    @Transactional
    public long write(Long articleId, ArticleDraft draft, Intent intent, Instant scheduleAt, String note,
            ActingAccount by, Long basedOn) {
        EditableArticle current = articleId == null ? null : editable(articleId);
        authorize(current, intent, by);
        return apply(current, draft, intent, scheduleAt, note, by, null, basedOn);
    }

    /** Publishes the update waiting for review; until now readers saw the version before it. */
    @Transactional
    public void approvePendingUpdate(long articleId, ActingAccount by) {
        EditableArticle current = editable(articleId);
        if (!current.hasPendingUpdate()) {
            throw Refusal.invalid(Map.of("pending", NO_PENDING_UPDATE));
        }
        if (!ArticlePermissions.canPublish(by, current)) {
            throw Refusal.forbidden(MAY_NOT_PUBLISH);
        }
        if (changedSincePending(current).isPresent()) {
            throw Refusal.conflict("stale", STALE_PENDING_UPDATE);
        }
        Revision pending = revisions.find(articleId, current.pendingRevisionId()).orElseThrow();
        apply(current, pending.snapshot(), Intent.SAVE, null, null, by, Kind.PENDING_UPDATE_APPROVED, null);
        articles.setPendingRevision(articleId, null);
        audit(by, AuditAction.STORY_PUBLISHED, articleId, pending.snapshot().headline(), "update approved");
    }

    /**
     * The revision now live when it is not the one the waiting update was written against: approving the update
     * would then silently undo whatever was published in between. Empty when nothing waits or nothing changed.
     */
    public java.util.Optional<Long> changedSincePending(EditableArticle article) {
        if (!article.hasPendingUpdate()) {
            return java.util.Optional.empty();
        }
        long pending = article.pendingRevisionId();
        java.util.Optional<Long> current = revisions.currentRevisionId(article.id());
        java.util.Optional<Long> base = revisions.basedOn(pending);
        // Updates saved before the base was recorded: anything saved after them changed the story.
        boolean changed = base.isPresent() ? !base.equals(current) : current.filter(id -> id > pending).isPresent();
        return changed ? current : java.util.Optional.empty();
    }

    /** Drops the update waiting for review; it stays in the revision history. */
    @Transactional
    public void discardPendingUpdate(long articleId, ActingAccount by) {
        EditableArticle current = editable(articleId);
        if (!ArticlePermissions.canPublish(by, current) && !ArticlePermissions.canProposeUpdate(by, current)) {
            throw Refusal.forbidden(MAY_NOT_EDIT);
        }
        articles.setPendingRevision(articleId, null);
        recordChange(articleId, Kind.PENDING_UPDATE_DISCARDED);
    }

    /** Brings back the text of an earlier revision as a new save (so the restore itself can be undone). */
    @Transactional
    public void restore(long articleId, long revisionId, ActingAccount by) {
        EditableArticle current = editable(articleId);
        authorize(current, Intent.SAVE, by);
        Revision revision = revisions.find(articleId, revisionId)
                .orElseThrow(() -> Refusal.notFound("There is no revision " + revisionId + " of article " + articleId
                        + "."));
        apply(current, revision.snapshot(), Intent.SAVE, null, null, by, Kind.RESTORED, null);
    }

    /** Called by the scheduler for each due story; only one caller across nodes wins (see EditorialRepository). */
    @Transactional
    public boolean publishIfDue(long articleId) {
        Instant now = clock.instant();
        // Barred (a withheld wire item): it stays scheduled, and goes out on the first round after the bar lifts.
        if (barred(articleId).isPresent() || !articles.publishIfDue(articleId, now)) {
            return false;
        }
        ArticleDraft published = editable(articleId).draft();
        revisions.insert(articleId, null, Kind.PUBLISHED.code(), published, now);
        recordChange(articleId, Kind.PUBLISHED_ON_SCHEDULE);
        audit(ActingAccount.SITE, AuditAction.STORY_PUBLISHED, articleId, published.headline(), "on schedule");
        return true;
    }

    /** What bars the story from going out (a kill, a withheld wire item), from every {@code PublicationHolds}. */
    private java.util.Optional<String> barred(long articleId) {
        return holds.orderedStream().flatMap(h -> h.barred(articleId).stream()).findFirst();
    }

    public List<Long> dueForPublication() {
        return editorial.dueForPublication(clock.instant());
    }

    static final String MAY_NOT_EDIT = "Your role may not edit this story.";
    static final String MAY_NOT_PUBLISH = "Contributors write drafts: an editor, or the story's own author, publishes it.";
    static final String MAY_NOT_UPDATE_LIVE =
            "This story is published: save your edit as an update for review, and an editor will publish it.";
    static final String NOT_PUBLISHED = "Only a published story takes an update for review or a correction.";
    static final String NO_PENDING_UPDATE = "There is no update waiting for review.";
    public static final String STALE_PENDING_UPDATE = "The story has changed since this update was written: review "
            + "the differences, then open the update in the editor to bring it up to date, or drop it.";
    static final String ONLY_DRAFTS_AUTOSAVE = "Only drafts are saved automatically; use the buttons to save.";

    private EditableArticle editable(long articleId) {
        return editorial.find(articleId).orElseThrow(() -> Refusal.notFound("There is no article " + articleId + "."));
    }

    private static void authorize(EditableArticle current, Intent intent, ActingAccount by) {
        switch (intent) {
            case SAVE, AUTOSAVE -> {
                if (current == null) {
                    return;
                }
                if (!ArticlePermissions.canEdit(by, current)) {
                    throw Refusal.forbidden(current.isPublished() ? MAY_NOT_UPDATE_LIVE : MAY_NOT_EDIT);
                }
                if (current.isPublished() && !ArticlePermissions.canPublish(by, current)) {
                    throw Refusal.forbidden(MAY_NOT_UPDATE_LIVE);
                }
                if (intent == Intent.AUTOSAVE && current.status() != ArticleStatus.DRAFT) {
                    throw Refusal.invalid(Map.of("form", ONLY_DRAFTS_AUTOSAVE));
                }
            }
            case PENDING -> {
                if (current == null || !ArticlePermissions.canProposeUpdate(by, current)) {
                    throw Refusal.forbidden(MAY_NOT_EDIT);
                }
                if (!current.isPublished()) {
                    throw Refusal.invalid(Map.of("form", NOT_PUBLISHED));
                }
            }
            case PUBLISH, SCHEDULE, UNPUBLISH, CORRECT -> {
                if (!ArticlePermissions.canPublish(by, current)) {
                    throw Refusal.forbidden(MAY_NOT_PUBLISH);
                }
                if (intent == Intent.UNPUBLISH && current == null) {
                    throw Refusal.invalid(Map.of("form", NOT_PUBLISHED));
                }
                if (intent == Intent.CORRECT && (current == null || !current.isPublished())) {
                    throw Refusal.invalid(Map.of("form", NOT_PUBLISHED));
                }
            }
        }
    }

    private long apply(EditableArticle current, ArticleDraft input, Intent intent, Instant scheduleAt, String note,
            ActingAccount by, Kind kindOverride, Long basedOn) {
        Instant now = clock.instant();
        Long articleId = current == null ? null : current.id();
        if (articleId != null && !current.isPublished() && (intent == Intent.PUBLISH || intent == Intent.SCHEDULE)) {
            barred(articleId).ifPresent(reason -> {
                throw Refusal.conflict("form", reason);
            });
        }
        // An embargo: publishing before it schedules the story for it; a schedule before it moves to it.
        Instant heldUntil = articleId == null || current.isPublished() ? null : holds.orderedStream()
                .flatMap(h -> h.heldUntil(articleId, now).stream()).max(Instant::compareTo).orElse(null);
        if (heldUntil != null && (intent == Intent.PUBLISH
                || intent == Intent.SCHEDULE && scheduleAt != null && scheduleAt.isBefore(heldUntil))) {
            intent = Intent.SCHEDULE;
            scheduleAt = heldUntil;
        }
        ArticleDraft draft = rules.completed(input);
        ArticlePermissions.bylineProblem(by, current == null ? List.of() : current.authorIds(), draft.authorIds())
                .ifPresent(problem -> {
                    throw Refusal.invalid(Map.of("authors", problem));
                });
        rules.check(articleId, draft, intent, scheduleAt, note, now);
        if (intent == Intent.PENDING) {
            Long base = basedOn != null ? basedOn : revisions.currentRevisionId(articleId).orElse(null);
            long revision = revisions.insert(articleId, by, Kind.PENDING_UPDATE_SAVED.code(), draft, now);
            revisions.setBasedOn(revision, base);
            articles.setPendingRevision(articleId, revision);
            recordChange(articleId, Kind.PENDING_UPDATE_SAVED);
            return articleId;
        }
        long id = current == null ? insertDraft(draft, by, now) : replaceFields(current, draft, now);
        switch (intent) {
            case PUBLISH -> articles.publish(id, now);
            case SCHEDULE -> articles.schedule(id, scheduleAt, now);
            case UNPUBLISH -> articles.unpublish(id, now);
            case CORRECT -> corrections.insert(id, note.strip(), by, now);
            default -> {
            }
        }
        boolean wasPublished = current != null && current.publishedAt() != null;
        boolean liveChange = current != null && current.isPublished() && intent != Intent.UNPUBLISH
                || wasPublished && intent == Intent.PUBLISH;
        if (liveChange) {
            articles.markUpdated(id, now);
        }
        Kind kind = kindOverride != null ? kindOverride : kindOf(current, intent, liveChange);
        if (intent == Intent.AUTOSAVE && current != null) {
            revisions.replaceAutosave(id, by, draft, now);
        } else {
            revisions.insert(id, by, kind.code(), draft, now);
        }
        recordChange(id, kind);
        switch (intent) {
            case PUBLISH -> audit(by, AuditAction.STORY_PUBLISHED, id, draft.headline(),
                    kind == Kind.UPDATED ? "update published" : "");
            case SCHEDULE -> audit(by, AuditAction.STORY_SCHEDULED, id, draft.headline(), String.valueOf(scheduleAt));
            case UNPUBLISH -> audit(by, AuditAction.STORY_UNPUBLISHED, id, draft.headline(), "");
            case CORRECT -> audit(by, AuditAction.STORY_CORRECTED, id, draft.headline(), note.strip());
            default -> {
            }
        }
        return id;
    }

    private static Kind kindOf(EditableArticle current, Intent intent, boolean liveChange) {
        if (current == null && (intent == Intent.SAVE || intent == Intent.AUTOSAVE)) {
            return Kind.CREATED;
        }
        return switch (intent) {
            case SAVE -> liveChange ? Kind.UPDATED : Kind.SAVED;
            case AUTOSAVE -> Kind.AUTOSAVED;
            case PUBLISH -> liveChange ? Kind.UPDATED : Kind.PUBLISHED;
            case SCHEDULE -> Kind.SCHEDULED;
            case UNPUBLISH -> Kind.UNPUBLISHED;
            case CORRECT -> Kind.CORRECTED;
            case PENDING -> Kind.PENDING_UPDATE_SAVED;
        };
    }

    private long insertDraft(ArticleDraft d, ActingAccount by, Instant now) {
        long id = articles.insert(new NewArticle(d.sectionId(), d.slug(), d.headline(), d.standfirst(), d.body(),
                d.datelinePlace(), d.sourceCredit(), ArticleStatus.DRAFT, null, null, d.authorIds(), d.tagNames()),
                now);
        if (!by.isSite()) {
            articles.setCreatedBy(id, by.accountId());
        }
        articles.linkAuthors(id, d.authorIds());
        articles.linkTags(id, d.tagNames().stream().map(tags::idFor).distinct().toList());
        return id;
    }

    private long replaceFields(EditableArticle current, ArticleDraft d, Instant now) {
        ArticleDraft old = current.draft();
        boolean moved = old.sectionId() != d.sectionId() || !old.slug().equals(d.slug());
        if (moved && current.publishedAt() != null) {
            // Readers and search engines know the old address: it keeps answering with a redirect.
            articles.retireSlug(current.id(), old.sectionId(), old.slug(), now);
        }
        if (moved) {
            articles.moveTo(current.id(), d.sectionId(), d.slug(), now);
        }
        articles.updateFields(current.id(), d, now);
        articles.linkAuthors(current.id(), d.authorIds());
        articles.linkTags(current.id(), d.tagNames().stream().map(tags::idFor).distinct().toList());
        return current.id();
    }
}
