package news.dateline.site;

import jakarta.servlet.http.HttpServletResponse;
import news.dateline.platform.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The reader's answer to a {@link Refusal}, for everything that is neither a newsroom screen nor the API (their
 * mappers come first; this one has the lowest precedence): a page in the site's design. Not found, wherever it is
 * thrown, is the site's 404 page with a search box; any other refusal is the error page with its status and
 * message, and {@code Retry-After} when trying again will help (a database too busy to take a write: 503).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ReaderErrors {

    private final ChromeAdvice chrome;

    ReaderErrors(ChromeAdvice chrome) {
        this.chrome = chrome;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletResponse response) {
        if (refusal.status() == HttpStatus.NOT_FOUND) {
            return notFound();
        }
        if (refusal.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        ModelAndView page = new ModelAndView("site/error", refusal.status());
        page.addObject("chrome", chrome.chrome());
        page.addObject("status", refusal.status().value());
        page.addObject("reason", refusal.status().getReasonPhrase());
        page.addObject("message", refusal.getMessage());
        return page;
    }

    /** A database too busy to take the write stored nothing: {@link Refusal#busy()}; anything else stays a bug. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView failed(RuntimeException failure, HttpServletResponse response) {
        return refused(Refusal.of(failure), response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("site/not-found", HttpStatus.NOT_FOUND);
        page.addObject("chrome", chrome.chrome());
        return page;
    }
}
