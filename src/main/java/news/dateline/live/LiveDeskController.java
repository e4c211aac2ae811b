package news.dateline.live;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.dateline.live.LiveDesk.Draft;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import news.dateline.story.MarkdownRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Live coverage of one article, a page of its own beside the editor: start and end coverage, post short entries,
 * edit or delete them. Plain forms with the CSRF token; each change answers 303 back to this page.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/articles/{articleId}/live")
class LiveDeskController {

    private static final Map<String, String> NOTICES = Map.of(
            "posted", "Entry posted: readers with the page open see it now.",
            "edited", "Entry changed.",
            "deleted", "Entry deleted: readers no longer see it.",
            "started", "Live coverage started: the story shows the Live badge.",
            "ended", "Live coverage ended.");

    private final LiveRepository live;
    private final LiveService service;
    private final MarkdownRenderer markdown;
    private final Moments moments;

    LiveDeskController(LiveRepository live, LiveService service, MarkdownRenderer markdown, Moments moments) {
        this.live = live;
        this.service = service;
        this.markdown = markdown;
        this.moments = moments;
    }

    @GetMapping
    ModelAndView page(@PathVariable long articleId, @RequestParam(required = false) Long edit,
            @RequestParam(required = false) String done, @ModelAttribute(name = "staff", binding = false)
            Staff staff, Model model,
            HttpServletResponse response) {
        return render(articleId, staff, Draft.empty(), edit, done == null ? null : NOTICES.get(done), model, response,
                HttpStatus.OK);
    }

    @PostMapping("/start")
    ModelAndView start(@PathVariable long articleId, @ModelAttribute(name = "staff", binding = false)
            Staff staff, Model model,
            HttpServletResponse response) {
        return attempt(articleId, staff, Draft.empty(), model, response, () -> service.start(staff.acting(), articleId),
                "started");
    }

    @PostMapping("/end")
    ModelAndView end(@PathVariable long articleId, @ModelAttribute(name = "staff", binding = false)
            Staff staff, Model model,
            HttpServletResponse response) {
        return attempt(articleId, staff, Draft.empty(), model, response, () -> service.end(staff.acting(), articleId),
                "ended");
    }

    @PostMapping("/entries")
    ModelAndView add(@PathVariable long articleId, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean keyEvent, @ModelAttribute(name = "staff", binding = false)
            Staff staff,
            Model model, HttpServletResponse response) {
        Draft draft = new Draft(null, body, keyEvent, null);
        return attempt(articleId, staff, draft, model, response,
                () -> service.addEntry(staff.acting(), articleId, body, keyEvent), "posted");
    }

    @PostMapping("/entries/{entryId}")
    ModelAndView edit(@PathVariable long articleId, @PathVariable long entryId,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "false") boolean keyEvent,
            @ModelAttribute(name = "staff", binding = false)
            Staff staff, Model model, HttpServletResponse response) {
        ownEntry(articleId, entryId);
        Draft draft = new Draft(entryId, body, keyEvent, null);
        return attempt(articleId, staff, draft, model, response,
                () -> service.editEntry(staff.acting(), entryId, body, keyEvent), "edited");
    }

    @PostMapping("/entries/{entryId}/delete")
    ModelAndView delete(@PathVariable long articleId, @PathVariable long entryId, @ModelAttribute(name = "staff", binding = false)
            Staff staff,
            Model model, HttpServletResponse response) {
        ownEntry(articleId, entryId);
        return attempt(articleId, staff, Draft.empty(), model, response,
                () -> service.deleteEntry(staff.acting(), entryId), "deleted");
    }

    private ModelAndView attempt(long articleId, Staff staff, Draft draft, Model model, HttpServletResponse response,
            Runnable change, String done) {
        try {
            change.run();
            return SeeOther.to("/newsroom/articles/" + articleId + "/live?done=" + done);
        } catch (Refusal refused) {
            Draft kept = new Draft(draft.entryId(), draft.body(), draft.keyEvent(), refused.getMessage());
            return render(articleId, staff, kept, draft.entryId(), null, model, response, refused.status());
        }
    }

    private ModelAndView render(long articleId, Staff staff, Draft draft, Long editing, String notice, Model model,
            HttpServletResponse response, HttpStatus status) {
        LiveCoverage coverage = live.coverage(articleId)
                .orElseThrow(() -> Refusal.notFound("There is no article " + articleId + "."));
        var entries = live.entries(articleId).stream()
                .map(e -> new LiveDesk.Entry(e.id(), moments.of(e.createdAt()), e.editedAt() != null, e.keyEvent(),
                        e.authorUsername(), e.body(), markdown.toHtml(e.body())))
                .toList();
        model.addAttribute("desk", new LiveDesk(coverage, service.mayCover(staff.acting(), articleId), entries, draft,
                editing, notice));
        response.setStatus(status.value());
        return new ModelAndView("live/desk");
    }

    private void ownEntry(long articleId, long entryId) {
        if (live.find(entryId).filter(e -> e.articleId() == articleId).isEmpty()) {
            throw Refusal.notFound("There is no live entry " + entryId + " on this story.");
        }
    }
}
