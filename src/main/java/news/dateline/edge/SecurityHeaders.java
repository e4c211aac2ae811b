package news.dateline.edge;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response of the site carries, in one place: Spring Security writes them on everything that
 * reaches it ({@code account/SecurityConfig} reads the policy from here), and the answers given before it runs
 * (a refused host, a hostile request, the firewall's 400, the container's own errors) set them with
 * {@link #apply}.
 */
public final class SecurityHeaders {

    /** {@code 'self'} only: no inline script or style, no framing, forms post to this site alone. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    /** The same values Spring Security writes, for a response it never sees. */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
    }
}
