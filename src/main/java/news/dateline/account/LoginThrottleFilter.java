package news.dateline.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.StoreBusy;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is checked when its address is locked, or when the
 * username has a control character in it ({@link Usernames}). What goes on to the password check is the normalised
 * username, the same one the throttle counted, after the account's slow-down ({@link LoginThrottle}).
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

    /** The account's slow-down: this request waits (a virtual thread, so only the guesser's connection is held). */
    private static void waitFor(Duration delay) throws ServletException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while slowing down a sign-in", e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN.matches(request)) {
            String typed = request.getParameter(USERNAME_PARAMETER);
            String username = Usernames.normalise(typed);
            String address = request.getRemoteAddr();
            try {
                Optional<LoginThrottle.Refusal> refusal = throttle.check(address);
                if (refusal.isPresent()) {
                    SignInOutcome.refused(request, response, username, refusal.get().message());
                    return;
                }
                waitFor(throttle.slowDown(username));
                if (Usernames.hasControlCharacters(typed)) {
                    throttle.failed(username, address);
                    SignInOutcome.refused(request, response, username, throttle.check(address)
                            .map(LoginThrottle.Refusal::message).orElseGet(() -> throttle.failureMessage(username)));
                    return;
                }
            } catch (DataAccessException failure) {
                if (!StoreBusy.is(failure)) {
                    throw failure;
                }
                // the counts cannot be read: no password is checked rather than one checked without its limits
                SignInOutcome.refused(request, response, username, AccountMessages.SIGN_IN_BUSY);
                return;
            }
            chain.doFilter(new TypedUsername(request, username), response);
            return;
        }
        chain.doFilter(request, response);
    }
}
