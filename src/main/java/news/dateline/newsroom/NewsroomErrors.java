package news.dateline.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A role that may not do something gets a plain 403 page saying so (JSON for the editor's background calls),
 * never a stack trace. Exception handlers get no model attributes, so the page's {@link Staff} is built here.
 * The newsroom screens' exception handlers answer through this (the editor's in package story, for instance), so
 * the newsroom itself knows no feature's exceptions.
 */
@Component
public class NewsroomErrors {

    private final NewsroomAdvice advice;

    NewsroomErrors(NewsroomAdvice advice) {
        this.advice = advice;
    }

    /** The role may not do this: 403 "Not allowed", with the reason. */
    public Object forbidden(String reason, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "Not allowed", reason, request);
    }

    /** A rule broken outside the editor form (restoring a revision whose slug is now taken, say): 422 "Not saved". */
    public Object notSaved(Collection<String> problems, HttpServletRequest request) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, "Not saved", String.join(" ", problems), request);
    }

    private Object answer(HttpStatus status, String title, String reason, HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().endsWith("/autosave")
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", reason));
        }
        var staff = advice.staff(SecurityContextHolder.getContext().getAuthentication(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), request);
        ModelAndView page = new ModelAndView("newsroom/problem",
                Map.of("staff", staff, "heading", title, "reason", reason, "back",
                        request.getRequestURI().replaceAll("/(pending|revisions)/.*$", "")));
        page.setStatus(status);
        return page;
    }
}
