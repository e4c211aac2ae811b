package news.dateline.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import news.dateline.account.passkey.SignInDoor;
import news.dateline.account.twofactor.SecondFactors;
import news.dateline.account.twofactor.TwoFactorMessages;
import news.dateline.platform.StoreBusy;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The second step of a sign-in, for an account with a second factor: the password was right, so the session (with
 * a new id) remembers who is half-way in, and nothing more; this page asks for the authenticator app's code or a
 * recovery code. A wrong code counts as a failed sign-in of the account and the address ({@link LoginThrottle}, so
 * an address that keeps guessing is locked and the account slowed), and five wrong codes send the person back to
 * the password. The right one signs in as the password alone does for other accounts, with yet another session id.
 * Accounts without a second factor never see this page. An account with passkeys is offered "Use a passkey" here
 * too (account.passkey checks it); as its {@link SignInDoor} this class lends a passkey sign-in the throttle, the
 * half-way state and the one way a session is signed in.
 */
@Controller
class SecondStepController implements SignInDoor {

    /** The chain's CSRF tokens live in the session (Spring Security's default repository, as SecurityConfig has it). */
    private static final CsrfAuthenticationStrategy CSRF_ROTATION =
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

    static final String PAGE = "/newsroom/login/code";
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final int WRONG_CODES_PER_SIGN_IN = 5;
    private static final String PENDING = SecondStepController.class.getName() + ".pending";

    /** Who is half-way signed in, since when, and how many wrong codes they typed. Kept in the session. */
    record Pending(long accountId, String username, long startedAt, int wrongCodes) implements Serializable {
    }

    private final SecondFactors factors;
    private final Accounts accounts;
    private final AccountDetailsService details;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final ResourceUrlProvider resources;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondStepController(SecondFactors factors, Accounts accounts, AccountDetailsService details,
            LoginThrottle throttle, Clock clock, ResourceUrlProvider resources, AuditLog audit) {
        this.factors = factors;
        this.accounts = accounts;
        this.details = details;
        this.throttle = throttle;
        this.clock = clock;
        this.resources = resources;
        this.audit = audit;
        landing.setDefaultTargetUrl("/newsroom");
        landing.setRedirectStrategy(new RelativeRedirects());
    }

    /**
     * Called once the password was right: for an account with a second factor, undoes the sign-in that Spring
     * Security just stored, remembers the account in the session and sends the browser to this page (true). For any
     * other account it does nothing (false) and the sign-in goes on exactly as before.
     */
    boolean begin(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        Optional<Account> account = accounts.find(authentication.getName());
        if (account.isEmpty() || !factors.enrolled(account.get().id())) {
            return false;
        }
        holder.clearContext();
        HttpSession session = request.getSession();
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        session.setAttribute(PENDING, new Pending(account.get().id(), account.get().username(),
                clock.millis(), 0));
        response.sendRedirect(request.getContextPath() + PAGE);
        return true;
    }

    @GetMapping(PAGE)
    String page(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model)
            throws IOException {
        if (pending(request).isEmpty()) {
            response.sendRedirect(request.getContextPath() + SignInOutcome.LOGIN_PAGE);
            return null;
        }
        return render(model, csrf, null, "", pending(request).get());
    }

    @PostMapping(PAGE)
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, CsrfToken csrf, Model model) throws IOException, ServletException {
        Optional<Pending> found = pending(request);
        if (found.isEmpty()) {
            response.sendRedirect(request.getContextPath() + SignInOutcome.LOGIN_PAGE);
            return null;
        }
        Pending pending = found.get();
        String address = request.getRemoteAddr();
        if (Instant.ofEpochMilli(pending.startedAt()).plus(PATIENCE).isBefore(clock.instant())) {
            return backToPassword(request, response, pending, TwoFactorMessages.PENDING_EXPIRED);
        }
        try {
            Optional<LoginThrottle.Refusal> locked = throttle.check(address);
            if (locked.isPresent()) {
                response.setStatus(429);
                return render(model, csrf, locked.get().message(), "", pending);
            }
            waitFor(throttle.slowDown(pending.username()));
            if (!factors.verify(pending.accountId(), code)) {
                throttle.failed(pending.username(), address);
                audit.recordOnItsOwn(pending.accountId(), pending.username(), AuditAction.SIGN_IN_FAILED,
                        pending.username(), "wrong second-factor code");
                Pending counted = new Pending(pending.accountId(), pending.username(), pending.startedAt(),
                        pending.wrongCodes() + 1);
                if (counted.wrongCodes() >= WRONG_CODES_PER_SIGN_IN) {
                    return backToPassword(request, response, counted, TwoFactorMessages.TOO_MANY_CODES);
                }
                request.getSession().setAttribute(PENDING, counted);
                response.setStatus(401);
                return render(model, csrf, throttle.check(address).map(LoginThrottle.Refusal::message)
                        .orElse(TwoFactorMessages.WRONG_CODE), code, counted);
            }
            throttle.succeeded(pending.username());
            audit.recordOnItsOwn(pending.accountId(), pending.username(), AuditAction.SIGNED_IN,
                    pending.username(), "with a second factor");
        } catch (DataAccessException failure) {
            if (!StoreBusy.is(failure)) {
                throw failure;
            }
            response.setStatus(503);
            return render(model, csrf, AccountMessages.SIGN_IN_BUSY, code, pending);
        }
        signIn(request, response, pending);
        return null;
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, Pending pending)
            throws IOException, ServletException {
        if (!establish(request, response, pending.username())) { // disabled while the code was being typed
            backToPassword(request, response, pending, AccountMessages.DISABLED);
            return;
        }
        landing.onAuthenticationSuccess(request, response, holder.getContext().getAuthentication());
    }

    /** Signs the session in as this account, with a new session id and its session epoch; false if disabled. */
    private boolean establish(HttpServletRequest request, HttpServletResponse response, String username) {
        UserDetails user;
        try {
            user = details.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return false;
        }
        if (!user.isEnabled()) {
            return false;
        }
        UserDetails principal = User.withUserDetails(user).password("").build();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId(); // a second new id: the half-signed-in session's id never becomes a signed-in one
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        // a form token handed out before the sign-in (to whoever saw or planted that page) stops working
        CSRF_ROTATION.onAuthentication(authentication, request, response);
        // as the password alone does: a later password change ends this session too
        accounts.findSignedIn(username).ifPresent(stored ->
                SignedInAccountFilter.remember(request.getSession(), stored.sessionEpoch()));
        return true;
    }

    // SignInDoor: what a passkey sign-in (account.passkey) shares with the password and the code

    @Override
    public Optional<String> locked(String address) {
        return throttle.check(address).map(LoginThrottle.Refusal::message);
    }

    @Override
    public Duration slowDown(String username) {
        return throttle.slowDown(username);
    }

    @Override
    public void failed(String username, String address) {
        if (username == null) {
            throttle.failedFrom(address);
        } else {
            throttle.failed(username, address);
        }
    }

    @Override
    public void succeeded(String username) {
        throttle.succeeded(username);
    }

    @Override
    public Optional<HalfWay> halfWay(HttpServletRequest request) {
        return pending(request)
                .filter(p -> !Instant.ofEpochMilli(p.startedAt()).plus(PATIENCE).isBefore(clock.instant()))
                .map(p -> new HalfWay(p.accountId(), p.username()));
    }

    @Override
    public boolean signIn(HttpServletRequest request, HttpServletResponse response, String username) {
        return establish(request, response, username);
    }

    private String backToPassword(HttpServletRequest request, HttpServletResponse response, Pending pending,
            String problem) throws IOException {
        request.getSession().removeAttribute(PENDING);
        SignInOutcome.refused(request, response, pending.username(), problem);
        return null;
    }

    private Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(PENDING)).map(Pending.class::cast);
    }

    private String render(Model model, CsrfToken csrf, String problem, String code, Pending pending) {
        // an account may have an authenticator app, passkeys (account.passkey) or both: offer what it has
        model.addAttribute("app", factors.appEnrolled(pending.accountId()));
        model.addAttribute("passkey", factors.hasPasskey(pending.accountId()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("problem", problem);
        model.addAttribute("code", code);
        String stylesheet = resources.getForLookupPath("/assets/newsroom.css");
        model.addAttribute("stylesheet", stylesheet != null ? stylesheet : "/assets/newsroom.css");
        return "account/code";
    }

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
}
