package news.dateline.edge;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * A reader's GET or HEAD that no session can change: not under {@code /newsroom}, {@code /api}, {@code /actuator}
 * or {@code /unsubscribe}, without the session cookie and without an {@code Authorization} header. Such a request
 * is the same for every reader, signed in or not, so Spring Security has nothing to decide about it; account's
 * security config gives it a chain that only writes the security headers (docs/security.md, "Readers' GETs").
 *
 * <p>The paths are matched as Spring MVC matches them (decoded, segment by segment), so {@code /%6Eewsroom/users}
 * is the newsroom here too.
 */
@Component
public final class SessionlessReads implements RequestMatcher {

    private static final RequestMatcher STAFF_AND_SCRIPTS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/newsroom/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/unsubscribe/**"));

    private final String sessionCookie;

    SessionlessReads(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) || request.getHeader("Authorization") != null) {
            return false;
        }
        if (request.getHeader("Cookie") != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (sessionCookie.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return !STAFF_AND_SCRIPTS.matches(request);
    }
}
