package news.dateline.comment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import news.dateline.comment.CommentService.Outcome;
import news.dateline.comment.policy.CommentDefaults;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import news.dateline.platform.StoreBusy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Leave A Reply. A comment goes through, in this order: size cap, same-origin check, closed article, per-address
 * rate limit, field validation, per-email rate limit, then the spam rules and the insert (CommentService). Every
 * refusal is a page in the site's design that keeps what the reader typed; success is a 303 to the comment, or
 * to the form area where the reader's comment awaits moderation.
 */
@Controller
class CommentController {

    static final String PATH = "/{section:" + Slugs.IN_ROUTE + "}/{slug:" + Slugs.IN_ROUTE + "}/comments";
    private static final int MAX_USER_AGENT = 400;

    private final CommentRepository comments;
    private final CommentService service;
    private final CommentValidator validator;
    private final CommentRateLimits rateLimits;
    private final SameOrigin sameOrigin;
    private final FormStamp stamps;
    private final CommentViews views;
    private final CommentProperties settings;
    private final CommentDefaults defaults;
    private final Clock clock;

    CommentController(CommentRepository comments, CommentService service, CommentValidator validator,
            CommentRateLimits rateLimits, SameOrigin sameOrigin, FormStamp stamps, CommentViews views,
            CommentProperties settings, CommentDefaults defaults, Clock clock) {
        this.comments = comments;
        this.service = service;
        this.validator = validator;
        this.rateLimits = rateLimits;
        this.sameOrigin = sameOrigin;
        this.stamps = stamps;
        this.views = views;
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The form on a page of its own: where "Reply" leads when the browser runs no script. */
    @GetMapping(PATH)
    ModelAndView form(@PathVariable String section, @PathVariable String slug,
            @RequestParam(name = "replyto", required = false) String replyTo,
            HttpServletRequest request, HttpServletResponse response) {
        Discussion discussion = discussion(section, slug);
        noStore(response);
        if (discussion.isClosed(defaults.current(), clock.instant())) {
            return page(discussion, HttpStatus.OK, CommentMessages.CLOSED, false, null, null, null);
        }
        CommentView parent = parentOf(discussion, replyTo);
        CommentForm input = CommenterCookies.commenter(request)
                .map(CommentForm.EMPTY::withCommenter).orElse(CommentForm.EMPTY);
        return page(discussion, HttpStatus.OK, null, false, parent,
                views.form(discussion, input, Map.of(), parent), null);
    }

    @PostMapping(PATH)
    ModelAndView post(@PathVariable String section, @PathVariable String slug, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Discussion discussion = discussion(section, slug);
        noStore(response);
        Optional<Map<String, String>> fields = FormBody.read(request, settings.maxRequestSize().toBytes());
        if (fields.isEmpty()) {
            String limit = CommentMessages.number(settings.maxRequestSize().toKilobytes()) + " KB";
            return page(discussion, HttpStatus.CONTENT_TOO_LARGE, CommentMessages.TOO_LARGE.formatted(limit), true,
                    null, views.form(discussion, CommentForm.EMPTY, Map.of(), null), null);
        }
        CommentForm form = CommentForm.from(fields.get());
        CommentView parent = parentOf(discussion, form.parent());
        if (!sameOrigin.allows(request)) {
            return retry(discussion, HttpStatus.FORBIDDEN, CommentMessages.FOREIGN_ORIGIN, form, Map.of(), parent);
        }
        if (discussion.isClosed(defaults.current(), clock.instant())) {
            return page(discussion, HttpStatus.FORBIDDEN, CommentMessages.CLOSED, true, null, null, form.comment());
        }
        Optional<String> existingToken = CommenterCookies.pendingToken(request);
        String token = existingToken.orElseGet(CommenterCookies::newPendingToken);
        Visitor visitor = visitor(request, CommenterCookies.hash(token));
        Optional<Duration> wait = rateLimits.tryFromIp(visitor.ip());
        if (wait.isPresent()) {
            return tooMany(discussion, form, parent, wait.get(), response);
        }
        Map<String, String> errors = validator.check(form);
        if (!errors.isEmpty()) {
            return retry(discussion, HttpStatus.UNPROCESSABLE_CONTENT, CommentMessages.FIX_BELOW, form, errors, parent);
        }
        FormStamp.Checked stamp = stamps.check(form.stamp(), discussion.articleId()); // one signature check
        Optional<FormStamp.Problem> stale = stamp.problem();
        if (stale.isPresent()) { // the text is kept, with a fresh stamp: sending again works
            return retry(discussion, HttpStatus.UNPROCESSABLE_CONTENT, switch (stale.get()) {
                case EXPIRED -> CommentMessages.STAMP_EXPIRED;
                case OTHER_ARTICLE -> CommentMessages.STAMP_OTHER_ARTICLE;
            }, form, Map.of(), parent);
        }
        wait = rateLimits.tryFromEmail(form.emailKey());
        if (wait.isPresent()) {
            return tooMany(discussion, form, parent, wait.get(), response);
        }
        Outcome outcome = service.submit(discussion, form, visitor, stamp.age());
        return switch (outcome) {
            case Outcome.Stored stored -> {
                rememberOrForget(form, request, response);
                if (stored.state() == CommentState.APPROVED) {
                    yield seeOther(discussion.path() + "#comment-" + stored.id());
                }
                CommenterCookies.setPending(request, response, token); // new, or kept 30 more days
                yield seeOther(discussion.path() + "#respond");
            }
            case Outcome.Duplicate d -> retry(discussion, HttpStatus.UNPROCESSABLE_CONTENT, CommentMessages.DUPLICATE,
                    form, Map.of(), parent);
            case Outcome.ParentGone g -> retry(discussion, HttpStatus.UNPROCESSABLE_CONTENT,
                    CommentMessages.PARENT_GONE, form.withParent(""), Map.of(), null);
            case Outcome.Busy b -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, StoreBusy.retryAfterSeconds());
                yield retry(discussion, HttpStatus.SERVICE_UNAVAILABLE, CommentMessages.STORE_BUSY, form, Map.of(),
                        parent);
            }
        };
    }

    private Discussion discussion(String section, String slug) {
        return comments.findDiscussion(section, slug)
                .orElseThrow(() -> Refusal.notFound("Article /" + section + "/" + slug));
    }

    /** The comment a reader is answering, if it is public on this article; otherwise none. */
    private CommentView parentOf(Discussion discussion, String id) {
        Long parentId = CommentForm.id(id);
        if (parentId == null) {
            return null;
        }
        return comments.find(parentId)
                .filter(c -> c.articleId() == discussion.articleId() && c.state() == CommentState.APPROVED)
                .map(views::single)
                .orElse(null);
    }

    private ModelAndView retry(Discussion discussion, HttpStatus status, String notice, CommentForm form,
            Map<String, String> errors, CommentView parent) {
        return page(discussion, status, notice, true, parent, views.form(discussion, form, errors, parent), null);
    }

    private ModelAndView tooMany(Discussion discussion, CommentForm form, CommentView parent, Duration wait,
            HttpServletResponse response) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String when = seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
        return retry(discussion, HttpStatus.TOO_MANY_REQUESTS, CommentMessages.TOO_MANY.formatted(when), form,
                Map.of(), parent);
    }

    private ModelAndView page(Discussion discussion, HttpStatus status, String notice, boolean problem,
            CommentView parent, CommentFormView form, String keptText) {
        String title = parent != null ? "Reply to " + parent.authorName() : "Leave A Reply";
        ModelAndView page = new ModelAndView("comment/form-page", status);
        page.addObject("page", new CommentFormPage(discussion.headline(), discussion.path(), title, notice, problem,
                parent, form, keptText, views.stylesheet(), views.script()));
        return page;
    }

    private static void rememberOrForget(CommentForm form, HttpServletRequest request, HttpServletResponse response) {
        if (form.remember()) {
            CommenterCookies.remember(request, response,
                    new Commenter(form.trimmedName(), form.trimmedEmail(), form.trimmedWebsite()));
        } else {
            CommenterCookies.forget(request, response);
        }
    }

    private static Visitor visitor(HttpServletRequest request, String tokenHash) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        agent = agent == null ? "" : agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT));
        return new Visitor(request.getRemoteAddr(), agent, tokenHash);
    }

    private static ModelAndView seeOther(String location) {
        RedirectView redirect = new RedirectView(location);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
