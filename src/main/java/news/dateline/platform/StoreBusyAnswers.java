package news.dateline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A write the database could not take in time ({@link StoreBusy}) stored nothing, whichever screen sent it: the
 * answer is 503 with {@code Retry-After}, as JSON for a script and as the error page otherwise. Forms that can
 * keep what was typed (the comment form, the editor) answer it themselves before it gets here. Anything else is
 * rethrown and stays the bug it is.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class StoreBusyAnswers {

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, String>> busy(RuntimeException failure, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!StoreBusy.is(failure)) {
            throw failure;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, StoreBusy.retryAfterSeconds());
        if (wantsJson(request)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", StoreBusy.MESSAGE));
        }
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        return null;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().startsWith("/api/") || request.getRequestURI().endsWith("/autosave")
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }
}
