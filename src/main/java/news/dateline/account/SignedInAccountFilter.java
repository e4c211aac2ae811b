package news.dateline.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.SignedIn;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who signed in, not what they may do: on every staff request the account is read again,
 * so a role an administrator changed applies at once, and a disabled (or removed) account is signed out.
 * The account read is left on the request as a {@link SignedIn} for the newsroom's pages.
 * Reader pages are left alone (no query for them).
 */
final class SignedInAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignedInAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/newsroom") || path.startsWith("/api/") || path.startsWith("/actuator"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            Optional<Account> account = accounts.find(current.getName());
            if (account.isEmpty() || account.get().disabled()) {
                holder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                Account read = account.get();
                new SignedIn(read.id(), read.username(), read.role(), read.authorId()).storeIn(request);
                String authority = "ROLE_" + account.get().role().name();
                boolean same = current.getAuthorities().size() == 1
                        && current.getAuthorities().iterator().next().getAuthority().equals(authority);
                if (!same) {
                    var refreshed = UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
                            List.of(new SimpleGrantedAuthority(authority)));
                    refreshed.setDetails(current.getDetails());
                    SecurityContext context = holder.createEmptyContext();
                    context.setAuthentication(refreshed);
                    holder.setContext(context);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
