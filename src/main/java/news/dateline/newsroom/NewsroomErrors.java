package news.dateline.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's answer to a {@link Refusal} from any of its screens (every controller marked
 * {@link NewsroomScreen}, whichever feature's package it is in): the problem page in the newsroom's design with the
 * reason and "nothing was changed", or JSON ({@code {"error": "...", "problems": {...}}}) for the editor's
 * background calls (autosave, or a request that asks for JSON). Never a stack trace, never the reader's pages.
 * A database too busy to take a write is refused the same way (503 with {@code Retry-After}). Exception handlers
 * get no model attributes, so the page's {@link Staff} is built here. A form that can show the
 * refusal beside what was typed catches it itself and re-renders; everything else ends here.
 */
@ControllerAdvice(annotations = NewsroomScreen.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomErrors {

    private final NewsroomAdvice advice;

    NewsroomErrors(NewsroomAdvice advice) {
        this.advice = advice;
    }

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        if (refusal.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        if (wantsJson(request)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error", refusal.getMessage());
            if (!refusal.fields().isEmpty()) {
                json.put("problems", refusal.fields());
            }
            return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(json);
        }
        var staff = advice.staff(SecurityContextHolder.getContext().getAuthentication(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), request);
        ModelAndView page = new ModelAndView("newsroom/problem",
                Map.of("staff", staff, "heading", heading(refusal.status()), "reason", refusal.getMessage(), "back",
                        request.getRequestURI().replaceAll("/(pending|revisions)/.*$", "")));
        page.setStatus(refusal.status());
        return page;
    }

    /** A database too busy to take the write stored nothing: {@link Refusal#busy()}; anything else stays a bug. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    Object failed(RuntimeException failure, HttpServletRequest request, HttpServletResponse response) {
        return refused(Refusal.of(failure), request, response);
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case UNPROCESSABLE_CONTENT -> "Not saved";
            case CONFLICT -> "Not possible";
            case SERVICE_UNAVAILABLE -> "Busy";
            default -> status.getReasonPhrase();
        };
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().endsWith("/autosave")
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }
}
