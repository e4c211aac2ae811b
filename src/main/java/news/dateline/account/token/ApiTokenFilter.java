package news.dateline.account.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.ApiProblems;
import news.dateline.platform.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin API ({@code /api/v1/admin/**}) is used with a bearer token and nothing else: a session cookie is not
 * enough there, so a page on another site cannot use a signed-in editor's browser against it, and the CSRF token
 * is not asked for. A live token puts its account and role on this request only (no session is made); no token, or
 * one that is unknown, revoked or of a disabled account, is answered 401 as problem+json. Everywhere else an
 * {@code Authorization} header is ignored: reader pages are the page cache's, whatever a request carries.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    public static final String PATHS = "/api/v1/admin/**";
    static final String NO_TOKEN = "Send an API token: Authorization: Bearer dl_…";
    static final String BAD_TOKEN = "This API token is not valid: it may have been revoked.";

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, NO_TOKEN);
            return;
        }
        Optional<SignedIn> signedIn = tokens.authenticate(header.substring(7).strip());
        if (signedIn.isEmpty()) {
            unauthorized(response, BAD_TOKEN);
            return;
        }
        SignedIn as = signedIn.get();
        as.storeIn(request);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(as.username(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + as.role().name()))));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }

    private static void unauthorized(HttpServletResponse response, String why) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dateline\"");
        ApiProblems.write(response, HttpStatus.UNAUTHORIZED, why);
    }
}
