package news.dateline.notify;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalLong;
import news.dateline.comment.CommentRepository;
import news.dateline.platform.PerAddressLimit;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of a reply mail, for a reader with no account: the signature is the permission (no
 * sign-in, no CSRF token: a mail program's one-click POST of RFC 8058 carries neither). GET only asks, since
 * link checkers and previews open links; POST, from the page's button or the mail program
 * ({@code List-Unsubscribe=One-Click}), stops reply mails for every comment of that address. A link the site did
 * not sign is refused (403) and changes nothing. Rate-limited per address, like every anonymous endpoint.
 */
@Controller
class UnsubscribeController {

    static final String PATH_PREFIX = "/unsubscribe/";
    static final String ASK = "Stop mails about replies to your comments?";
    static final String DONE = "Done: you will get no more mails about replies to your comments.";
    static final String NOT_VALID = "This unsubscribe link is not valid: it may have been cut short or changed. "
            + "Open the link from the mail again, whole.";

    private final UnsubscribeLinks links;
    private final CommentRepository comments;
    private final TransactionTemplate transaction;
    private final PerAddressLimit limit;

    UnsubscribeController(UnsubscribeLinks links, CommentRepository comments, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.links = links;
        this.comments = comments;
        this.transaction = new TransactionTemplate(transactions);
        this.limit = new PerAddressLimit("unsubscribe", 30, meters);
    }

    @GetMapping(PATH_PREFIX + "{token}")
    ModelAndView ask(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        commentOf(token, request, response);
        return page(token, ASK, false);
    }

    @PostMapping(PATH_PREFIX + "{token}")
    ModelAndView unsubscribe(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        long commentId = commentOf(token, request, response);
        // a comment deleted with its article since leaves nothing to mail about: done all the same
        transaction.executeWithoutResult(status -> comments.stopReplyMails(commentId));
        return page(token, DONE, true);
    }

    private long commentOf(String token, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OptionalLong wait = limit.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
            throw Refusal.malformed(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", java.util.Map.of());
        }
        return links.commentOf(token).orElseThrow(() -> Refusal.forbidden(NOT_VALID));
    }

    private static ModelAndView page(String token, String message, boolean done) {
        ModelAndView page = new ModelAndView("notify/unsubscribe");
        page.addObject("action", PATH_PREFIX + token);
        page.addObject("message", message);
        page.addObject("done", done);
        return page;
    }
}
