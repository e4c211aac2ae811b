package news.dateline.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is checked when the account or address is throttled, or when the
 * username has a control character in it ({@link Usernames}). What goes on to the password check is the normalised
 * username, the same one the throttle counted.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** Spring Security's form login parameter. */
    private static final String USERNAME_PARAMETER = "username";
    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInOutcome.LOGIN_PAGE);

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** The sign-in request with its username parameter as normalised, for Spring Security and the handlers. */
    private static final class TypedUsername extends HttpServletRequestWrapper {

        private final String username;

        TypedUsername(HttpServletRequest request, String username) {
            super(request);
            this.username = username;
        }

        @Override
        public String getParameter(String name) {
            return USERNAME_PARAMETER.equals(name) ? username : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return USERNAME_PARAMETER.equals(name) ? new String[] {username} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put(USERNAME_PARAMETER, new String[] {username});
            return Collections.unmodifiableMap(parameters);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN.matches(request)) {
            String typed = request.getParameter(USERNAME_PARAMETER);
            String username = Usernames.normalise(typed);
            Optional<LoginThrottle.Refusal> refusal = throttle.check(username, request.getRemoteAddr());
            if (refusal.isPresent()) {
                SignInOutcome.refused(request, response, username, refusal.get().message());
                return;
            }
            if (Usernames.hasControlCharacters(typed)) {
                throttle.failed(username, request.getRemoteAddr());
                SignInOutcome.refused(request, response, username, throttle.check(username, request.getRemoteAddr())
                        .map(LoginThrottle.Refusal::message).orElse(AccountMessages.BAD_CREDENTIALS));
                return;
            }
            chain.doFilter(new TypedUsername(request, username), response);
            return;
        }
        chain.doFilter(request, response);
    }
}
