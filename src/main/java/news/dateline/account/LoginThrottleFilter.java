package news.dateline.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Stops a sign-in attempt before the password is checked when the account or address is throttled. */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInOutcome.LOGIN_PAGE);

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN.matches(request)) {
            String username = request.getParameter("username");
            Optional<LoginThrottle.Refusal> refusal = throttle.check(username, request.getRemoteAddr());
            if (refusal.isPresent()) {
                SignInOutcome.refused(request, response, username, refusal.get().message());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
