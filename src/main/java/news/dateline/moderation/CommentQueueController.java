package news.dateline.moderation;

import java.util.List;
import java.util.Map;
import news.dateline.moderation.CommentQueuePage.Form;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The comment moderation screen for editors and admins, on top of the comment feature's moderation rules. Plain
 * forms with the CSRF token, so it works without JavaScript; every decision answers 303 back to the same queue
 * and filter, with what happened on top.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/comments")
class CommentQueueController {

    static final int PAGE_SIZE = 50;

    private final ModerationDesk desk;
    private final Moments moments;

    CommentQueueController(ModerationDesk desk, Moments moments) {
        this.desk = desk;
        this.moments = moments;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden("Only editors and admins moderate comments");
        }
    }

    @GetMapping
    ModelAndView queue(@RequestParam(defaultValue = "pending") String state,
            @RequestParam(required = false) Long article, @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long reply, @RequestParam(required = false) Long edit) {
        Form form = null;
        if (reply != null) {
            form = new Form(reply, true, "", "", "", Map.of());
        } else if (edit != null) {
            form = desk.find(edit).map(c -> new Form(c.id(), false, c.body(), c.authorName(), c.authorUrl(), Map.of()))
                    .orElse(null);
        }
        return page(state, article, before, form, HttpStatus.OK);
    }

    @PostMapping("/{id}/{action:approve|spam|trash|restore}")
    ModelAndView act(@PathVariable long id, @PathVariable String action,
            @RequestParam(defaultValue = "pending") String state, @RequestParam(required = false) Long article,
            RedirectAttributes flash) {
        try {
            desk.act(action, id);
            flash.addFlashAttribute("notice", "Comment #" + id + " " + done(action) + ".");
        } catch (Refusal refused) {
            flash.addFlashAttribute("problems", List.of("#" + id + ": " + refused.getMessage()));
        }
        return back(state, article);
    }

    @PostMapping("/bulk")
    ModelAndView bulk(@RequestParam(defaultValue = "") String action, @RequestParam(required = false) List<Long> ids,
            @RequestParam(defaultValue = "pending") String state, @RequestParam(required = false) Long article,
            RedirectAttributes flash) {
        if (!ModerationDesk.BULK_ACTIONS.contains(action)) {
            flash.addFlashAttribute("problems", List.of("Choose what to do with the selected comments."));
        } else if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problems", List.of("Select at least one comment first."));
        } else {
            ModerationDesk.BulkOutcome outcome = desk.actOnAll(action, ids);
            flash.addFlashAttribute("notice", outcome.done() + (outcome.done() == 1 ? " comment " : " comments ")
                    + done(action) + ".");
            flash.addFlashAttribute("problems", outcome.refused());
        }
        return back(state, article);
    }

    @PostMapping("/{id}/reply")
    ModelAndView reply(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "pending") String state, @RequestParam(required = false) Long article,
            @ModelAttribute(name = "staff", binding = false) Staff staff, RedirectAttributes flash) {
        try {
            long replyId = desk.reply(id, body, staff.username());
            flash.addFlashAttribute("notice", "Reply #" + replyId + " published under comment #" + id + ".");
            return back(state, article);
        } catch (Refusal refused) {
            return refusedForm(state, article, new Form(id, true, body, "", "", refused.fields()), refused);
        }
    }

    @PostMapping("/{id}/edit")
    ModelAndView edit(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String authorName, @RequestParam(defaultValue = "") String authorUrl,
            @RequestParam(defaultValue = "pending") String state, @RequestParam(required = false) Long article,
            RedirectAttributes flash) {
        try {
            desk.edit(id, body, authorName, authorUrl);
            flash.addFlashAttribute("notice", "Comment #" + id + " saved.");
            return back(state, article);
        } catch (Refusal refused) {
            return refusedForm(state, article, new Form(id, false, body, authorName, authorUrl, refused.fields()),
                    refused);
        }
    }

    private ModelAndView refusedForm(String state, Long article, Form form, Refusal refused) {
        if (refused.fields().isEmpty()) {
            ModelAndView page = page(state, article, null, null, refused.status());
            page.addObject("problems", List.of("#" + form.commentId() + ": " + refused.getMessage()));
            return page;
        }
        return page(state, article, null, form, refused.status());
    }

    private ModelAndView page(String state, Long article, Long before, Form form, HttpStatus status) {
        String shown = ModerationDesk.isState(state) ? state : "pending";
        String headline = article == null ? null : desk.headlineOf(article).orElse(null);
        Long filter = headline == null ? null : article;
        ModerationDesk.Queue queue = desk.queue(shown, filter, PAGE_SIZE, before);
        var rows = queue.comments().stream()
                .map(c -> new CommentQueuePage.Row(c, moments.of(c.createdAt())))
                .toList();
        ModelAndView page = new ModelAndView("moderation/queue", status);
        page.addObject("queue", new CommentQueuePage(shown, filter, headline, desk.counts(filter), rows, queue.next(),
                desk.articlesWithComments(), form));
        return page;
    }

    private static ModelAndView back(String state, Long article) {
        return SeeOther.to(CommentQueuePage.queueLink(ModerationDesk.isState(state) ? state : "pending", article));
    }

    private static String done(String action) {
        return switch (action) {
            case "approve" -> "approved";
            case "spam" -> "marked as spam";
            case "trash" -> "moved to the trash";
            case "restore" -> "restored";
            default -> action;
        };
    }
}
