package news.dateline.account.twofactor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.dateline.platform.ApiProblems;
import news.dateline.platform.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the site requires a second factor of editors and administrators, such an account without one may, once its
 * password is right, only set one up (or sign out): every other newsroom page sends it to the two-factor page, the
 * editor's background calls and the API are refused. Runs in the security chain after the signed-in account was read
 * for this request ({@link SignedIn}); a reader page or an anonymous request costs nothing.
 */
public final class SecondFactorGate extends OncePerRequestFilter {

    /** A passkey is a second factor too (account.passkey): its screen is open to those who must set one up. */
    private static final String PASSKEYS = "/newsroom/passkeys";

    private final SecondFactors factors;

    public SecondFactorGate(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var signedIn = SignedIn.of(request);
        if (signedIn.isEmpty() || allowed(path(request))
                || !factors.mustEnrol(signedIn.get().accountId(), signedIn.get().role())) {
            chain.doFilter(request, response);
            return;
        }
        String path = path(request);
        if (path.startsWith("/api/")) {
            ApiProblems.write(response, HttpStatus.FORBIDDEN, TwoFactorMessages.MUST_ENROL_API);
        } else if (!background(request)) {
            response.sendRedirect(request.getContextPath() + TwoFactorController.PAGE);
        } else {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"" + TwoFactorMessages.MUST_ENROL_API
                    + "\",\"reason\":\"second-factor\"}");
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The two-factor and passkeys pages (and their QR code, confirm, registration), signing out, and the sign-in pages. */
    private static boolean allowed(String path) {
        return path.equals(TwoFactorController.PAGE) || path.startsWith(TwoFactorController.PAGE + "/")
                || path.equals(PASSKEYS) || path.startsWith(PASSKEYS + "/")
                || path.equals("/newsroom/logout") || path.startsWith("/newsroom/login");
    }

    private static boolean background(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("X-Requested-With") != null
                || accept != null && accept.contains("application/json");
    }
}
