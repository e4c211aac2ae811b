package news.dateline.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.dateline.edge.Refusals;
import news.dateline.edge.Uploads;
import news.dateline.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inside Spring Security's chain, ahead of the CSRF check (which reads the {@code _csrf} parameter, and so the
 * whole multipart body): an upload is read only for a signed-in account whose role may upload there
 * ({@link Uploads#mayUpload}: administrators for imports, authors up for photos), the role looked up afresh as
 * every newsroom request does. Anyone else is answered {@code 403} with the body unread. Not a servlet filter of
 * its own ({@code EdgeConfig} keeps it out of the container's chain); {@code account/SecurityConfig} places it.
 */
public final class UploadGate extends OncePerRequestFilter {

    static final String ADMINS_ONLY = "Only a signed-in administrator may upload files here.";
    static final String AUTHORS_UP = "Only signed-in authors, editors and administrators may upload photos.";

    private final Accounts accounts;
    private final Refusals refusals;

    UploadGate(Accounts accounts, Refusals refusals) {
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Uploads.isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mayUpload(request)) {
            boolean photos = Uploads.mayUpload(request, Role.AUTHOR);
            refusals.refuse(request, response, HttpStatus.FORBIDDEN, photos ? AUTHORS_UP : ADMINS_ONLY,
                    photos ? "photo upload without an author" : "upload without an administrator");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mayUpload(HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return false;
        }
        return accounts.find(who.getName()).filter(a -> !a.disabled())
                .filter(a -> Uploads.mayUpload(request, a.role())).isPresent();
    }
}
