package news.dateline.story;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.LeadPhotoField;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The article editor: write, save, publish, schedule, unpublish, propose and approve updates, correct. */
@Controller
@NewsroomScreen
class EditorController {

    static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("created", "Draft saved."),
            Map.entry("saved", "Saved."),
            Map.entry("published", "Published: the story is live."),
            Map.entry("updated", "Update published: readers see it now, marked as updated."),
            Map.entry("scheduled", "Scheduled: it will be published at the time given."),
            Map.entry("unpublished", "Unpublished: the story is a draft again and no longer on the site."),
            Map.entry("pending", "Update saved for review. Readers still see the published version."),
            Map.entry("approved", "Update approved and published."),
            Map.entry("discarded", "The update waiting for review was dropped."),
            Map.entry("corrected", "Correction published: the note is in the story's corrections box."),
            Map.entry("restored", "Revision restored."),
            Map.entry("wire-taken", "Wire update taken into the draft as a new revision; the text it replaced is "
                    + "the revision before it (Revisions)."),
            Map.entry("wire-pending", "Wire update taken as an update for review: readers see the published "
                    + "version until it is approved."),
            Map.entry("wire-dismissed", "Wire update dismissed; a newer version will be offered again."),
            Map.entry("rebase", "The update waiting for review is open below, on top of the story as it is now: "
                    + "bring it up to date, then save it for review again (or publish it)."));

    private final ArticleService service;
    private final EditorialRepository editorial;
    private final RevisionRepository revisions;
    private final SectionRepository sections;
    private final PreviewLinks previewLinks;
    private final NewsroomTimes times;
    private final ResourceUrlProvider resources;
    private final ObjectProvider<CommentSettingsDesk> commentSettings;
    private final TransactionOperations transactions;
    private final ObjectProvider<LeadPhotoDesk> leadPhotos;
    private final ObjectProvider<news.dateline.story.source.SourceUpdates> sourceUpdates;

    EditorController(ArticleService service, EditorialRepository editorial, RevisionRepository revisions,
            SectionRepository sections, PreviewLinks previewLinks, NewsroomTimes times,
            ResourceUrlProvider resources, ObjectProvider<CommentSettingsDesk> commentSettings,
            TransactionOperations transactions, ObjectProvider<LeadPhotoDesk> leadPhotos,
            ObjectProvider<news.dateline.story.source.SourceUpdates> sourceUpdates) {
        this.sourceUpdates = sourceUpdates;
        this.leadPhotos = leadPhotos;
        this.commentSettings = commentSettings;
        this.transactions = transactions;
        this.service = service;
        this.editorial = editorial;
        this.revisions = revisions;
        this.sections = sections;
        this.previewLinks = previewLinks;
        this.times = times;
        this.resources = resources;
    }

    @GetMapping("/newsroom/articles/new")
    String create(@ModelAttribute("staff") Staff staff, Model model) {
        ActingAccount by = staff.acting();
        long firstSection = sections.all().isEmpty() ? 0 : sections.all().getFirst().id();
        return render(model, null, ArticleForm.empty(firstSection, by.authorId(), editorial.allAuthors()), Map.of(),
                null, null, by);
    }

    @PostMapping("/newsroom/articles")
    String created(@ModelAttribute("staff") Staff staff, ArticleForm form,
            @RequestParam(name = LeadPhotoDesk.FIELD, required = false) String leadPhoto, Model model,
            HttpServletResponse response) {
        return write(staff, null, form, leadPhoto, model, response);
    }

    @GetMapping("/newsroom/articles/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String done,
            @RequestParam(required = false) String pending, @ModelAttribute("staff") Staff staff, Model model) {
        ActingAccount by = staff.acting();
        EditableArticle article = find(id);
        if (!ArticlePermissions.canEdit(by, article) && !ArticlePermissions.canProposeUpdate(by, article)) {
            throw Refusal.forbidden("Your role may not edit this story.");
        }
        Long current = revisions.currentRevisionId(id).orElse(null);
        if ("edit".equals(pending) && article.hasPendingUpdate()) {
            // Re-basing: the waiting text, based on the story as it is now; saving it replaces the waiting update.
            Revision waiting = revisions.find(id, article.pendingRevisionId()).orElseThrow();
            return render(model, article, ArticleForm.of(article, waiting.snapshot(), times.zone(), current,
                    editorial.allAuthors()),
                    Map.of(), NOTICES.get("rebase"), null, by);
        }
        return render(model, article, ArticleForm.of(article, times.zone(), current, editorial.allAuthors()),
                Map.of(),
                done == null ? null : NOTICES.get(done), null, by);
    }

    @PostMapping("/newsroom/articles/{id}")
    String update(@PathVariable long id, @ModelAttribute("staff") Staff staff, ArticleForm form,
            @RequestParam(name = LeadPhotoDesk.FIELD, required = false) String leadPhoto, Model model,
            HttpServletResponse response) {
        find(id);
        return write(staff, id, form, leadPhoto, model, response);
    }

    @PostMapping("/newsroom/articles/{id}/pending/approve")
    String approve(@PathVariable long id, @ModelAttribute("staff") Staff staff, Model model,
            HttpServletResponse response) {
        ActingAccount by = staff.acting();
        try {
            service.approvePendingUpdate(id, by);
        } catch (Refusal refused) {
            if (refused.fields().isEmpty()) {
                throw refused; // not about the update's text (the role may not publish, say): the problem page
            }
            EditableArticle article = find(id);
            boolean stale = refused.fields().containsKey("stale");
            response.setStatus(refused.status().value());
            return render(model, article,
                    ArticleForm.of(article, times.zone(), revisions.currentRevisionId(id).orElse(null),
                            editorial.allAuthors()),
                    stale ? Map.of() : refused.fields(), null,
                    stale ? refused.getMessage() : "The update could not be published: " + refused.getMessage(),
                    by);
        }
        return "redirect:/newsroom/articles/" + id + "?done=approved";
    }

    @PostMapping("/newsroom/articles/{id}/pending/discard")
    String discard(@PathVariable long id, @ModelAttribute("staff") Staff staff) {
        service.discardPendingUpdate(id, staff.acting());
        return "redirect:/newsroom/articles/" + id + "?done=discarded";
    }

    /** The editor saves drafts every few seconds; answers JSON for the status line. */
    @PostMapping({"/newsroom/articles/autosave", "/newsroom/articles/{id}/autosave"})
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable(required = false) Long id,
            @ModelAttribute("staff") Staff staff, ArticleForm form) {
        ActingAccount by = staff.acting();
        if (id != null) {
            find(id);
        }
        long saved = service.write(id, form.draft(editorial.allAuthors()), Intent.AUTOSAVE, null, null, by);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved);
        answer.put("savedAt", times.clock(java.time.Instant.now()));
        answer.put("editUrl", "/newsroom/articles/" + saved);
        answer.put("autosaveUrl", "/newsroom/articles/" + saved + "/autosave");
        EditableArticle article = editorial.find(saved).orElseThrow();
        answer.put("slug", article.draft().slug());
        if (!article.isPublished()) {
            answer.put("previewLink", previewLinks.pathFor(saved));
        }
        return ResponseEntity.ok(answer);
    }

    private String write(Staff staff, Long id, ArticleForm form, String leadPhoto, Model model,
            HttpServletResponse response) {
        ActingAccount by = staff.acting();
        Intent intent = intentOf(form.action());
        // Comment settings are for those who moderate; checked before anything is written, saved with the story in
        // one transaction, so a busy database cannot keep the one without the other (and a retry make a second story).
        CommentSettingsDesk settingsDesk = by.isEditor() ? commentSettings.getIfAvailable() : null;
        CommentSettingsDesk.Settings settings = settingsDesk == null ? null : form.commentSettings();
        // The lead photo likewise: checked first, saved with the story; not sent (autosave, scripts): unchanged.
        LeadPhotoDesk leadDesk = leadPhoto == null ? null : leadPhotos.getIfAvailable();
        try {
            Map<String, String> problems = new LinkedHashMap<>();
            if (settings != null) {
                problems.putAll(settingsDesk.problems(settings));
            }
            if (leadDesk != null) {
                problems.putAll(leadDesk.problems(leadPhoto));
            }
            if (!problems.isEmpty()) {
                throw Refusal.invalid("Nothing was saved: please fix the "
                        + (problems.size() == 1 ? "problem" : "problems") + " marked below.", problems);
            }
            long saved = transactions.execute(status -> {
                long written = service.write(id, form.draft(editorial.allAuthors()), intent,
                        form.scheduleInstant(times.zone()), form.correctionNote(), by, form.basedOn());
                if (settings != null) {
                    settingsDesk.save(written, settings);
                }
                if (leadDesk != null) {
                    leadDesk.save(written, leadPhoto);
                }
                return written;
            });
            return "redirect:/newsroom/articles/" + saved + "?done=" + doneOf(id, intent, saved);
        } catch (RuntimeException failed) {
            Refusal refused = Refusal.of(failed); // a refusal, or the database too busy to take it; a bug is rethrown
            if (refused.fields().isEmpty() && refused.retryAfter() == null) {
                throw refused; // not about what was typed (the role may not, say): the newsroom's problem page
            }
            response.setStatus(refused.status().value());
            if (refused.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
            }
            return render(model, id == null ? null : find(id), form, refused.fields(), null, summary(refused), by,
                    leadPhoto);
        }
    }

    /** Above the form that comes back: what to do about it, with everything that was typed kept. */
    private static String summary(Refusal refused) {
        if (refused.retryAfter() != null) {
            return refused.getMessage() + " Everything you wrote is kept below.";
        }
        if (refused.fields().containsKey("form")) {
            return refused.fields().get("form");
        }
        return "Nothing was saved: please fix the " + (refused.fields().size() == 1 ? "problem" : "problems")
                + " marked below.";
    }

    private String doneOf(Long id, Intent intent, long saved) {
        if (id == null && intent == Intent.SAVE) {
            return "created";
        }
        return revisions.of(saved).stream().findFirst().map(Revision::kind)
                .filter(NOTICES::containsKey).orElse("saved");
    }

    private static Intent intentOf(String action) {
        return switch (action) {
            case "publish" -> Intent.PUBLISH;
            case "schedule" -> Intent.SCHEDULE;
            case "unpublish" -> Intent.UNPUBLISH;
            case "pending" -> Intent.PENDING;
            case "correct" -> Intent.CORRECT;
            default -> Intent.SAVE;
        };
    }

    private EditableArticle find(long id) {
        return editorial.find(id).orElseThrow(() -> Refusal.notFound("There is no article " + id + "."));
    }

    private String render(Model model, EditableArticle article, ArticleForm form, Map<String, String> problems,
            String notice, String problem, ActingAccount by) {
        return render(model, article, form, problems, notice, problem, by, null);
    }

    /** {@code leadPhoto}: as typed in a form that comes back; {@code null} shows the story's own. */
    private String render(Model model, EditableArticle article, ArticleForm form, Map<String, String> problems,
            String notice, String problem, ActingAccount by, String leadPhoto) {
        LeadPhotoDesk leadDesk = leadPhotos.getIfAvailable();
        LeadPhotoField leadField = leadDesk == null ? null : new LeadPhotoField(leadPhoto != null ? leadPhoto
                : article == null ? "" : leadDesk.chosen(article.id()), leadDesk.choices(),
                article == null ? List.of() : leadDesk.withoutAlt(article.id()));
        Revision pending = article == null || !article.hasPendingUpdate() ? null
                : revisions.find(article.id(), article.pendingRevisionId()).orElse(null);
        boolean canEdit = article == null || ArticlePermissions.canEdit(by, article);
        String staleDiff = pending == null ? null : service.changedSincePending(article)
                .map(now -> "/newsroom/articles/" + article.id() + "/revisions?from=" + pending.id() + "&to=" + now)
                .orElse(null);
        String script = resources.getForLookupPath("/assets/editor.js");
        CommentSettingsDesk settingsDesk = by.isEditor() ? commentSettings.getIfAvailable() : null;
        if (settingsDesk != null && form.commentSettings() == null) {
            form = form.withCommentSettings(article == null ? new CommentSettingsDesk.Settings("", "")
                    : settingsDesk.of(article.id()));
        }
        news.dateline.story.source.SourceUpdates sources = sourceUpdates.getIfAvailable();
        if (article != null && sources != null) {
            sources.of(article.id()).ifPresent(update -> model.addAttribute("sourceUpdate", update));
        }
        model.addAttribute("page", new EditorPage(article, form, problems, notice, problem, sections.all(),
                editorial.allAuthors(), canEdit, ArticlePermissions.canPublish(by, article),
                article != null && ArticlePermissions.canProposeUpdate(by, article), pending,
                pending == null ? "" : times.human(pending.savedAt()), staleDiff,
                article == null || article.isPublished() ? null : previewLinks.pathFor(article.id()),
                article == null ? "" : times.human(article.publishedAt()),
                article == null ? "" : times.human(article.updatedAt()),
                article == null ? "" : times.human(article.scheduledFor()),
                script != null ? script : "/assets/editor.js",
                settingsDesk == null ? null : settingsDesk.siteDefaults(), leadField));
        return "story/editor";
    }
}
