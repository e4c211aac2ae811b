package news.dateline.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import news.dateline.article.ArticleForbidden;
import news.dateline.article.InvalidArticle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A role that may not do something gets a plain 403 page saying so (JSON for the editor's background calls),
 * never a stack trace. Exception handlers get no model attributes, so the page's {@link Staff} is built here.
 */
@ControllerAdvice(annotations = NewsroomScreen.class)
class NewsroomErrors {

    private final NewsroomAdvice advice;

    NewsroomErrors(NewsroomAdvice advice) {
        this.advice = advice;
    }

    @ExceptionHandler(ArticleForbidden.class)
    Object forbidden(ArticleForbidden e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), request);
    }

    /** A rule broken outside the editor form (restoring a revision whose slug is now taken, say). */
    @ExceptionHandler(InvalidArticle.class)
    Object invalid(InvalidArticle e, HttpServletRequest request) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, "Not saved", String.join(" ", e.problems().values()),
                request);
    }

    private Object answer(HttpStatus status, String title, String reason, HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().endsWith("/autosave")
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", reason));
        }
        var staff = advice.staff(SecurityContextHolder.getContext().getAuthentication(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
        ModelAndView page = new ModelAndView("newsroom/problem",
                Map.of("staff", staff, "heading", title, "reason", reason, "back",
                        request.getRequestURI().replaceAll("/(pending|revisions)/.*$", "")));
        page.setStatus(status);
        return page;
    }
}
