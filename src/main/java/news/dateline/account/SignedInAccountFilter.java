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
 *
 * <p>A session also remembers the account's session epoch it signed in with ({@link #EPOCH}); every password
 * change raises the account's, so sessions opened before it end on their next request, whether they live in the
 * database (PostgreSQL) or in the server's memory (SQLite). The session that changed the password takes the new
 * value and stays.
 */
final class SignedInAccountFilter extends OncePerRequestFilter {

    /** The session attribute holding the account's session epoch at sign-in (absent: 0, from before V18). */
    static final String EPOCH = "dateline.account.session-epoch";

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
            Optional<AccountRepository.StoredAccount> stored = accounts.findSignedIn(current.getName());
            Optional<Account> account = stored.map(AccountRepository.StoredAccount::account);
            HttpSession open = request.getSession(false);
            boolean outdated = stored.isPresent() && stored.get().sessionEpoch() != epochOf(open);
            if (account.isEmpty() || account.get().disabled() || outdated) {
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

    static int epochOf(HttpSession session) {
        Object epoch = session == null ? null : session.getAttribute(EPOCH);
        return epoch instanceof Integer value ? value : 0;
    }

    /** Called where a session signs in, or changes the password and so stays signed in. */
    static void remember(HttpSession session, int epoch) {
        session.setAttribute(EPOCH, epoch);
    }
}
