package news.dateline.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.dateline.platform.StoreBusy;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** What happens after the password was checked: counted failures, named reasons, the username kept. */
final class SignInHandlers {

    private SignInHandlers() {
    }

    static final class Failure implements AuthenticationFailureHandler {

        private final LoginThrottle throttle;
        private final AuditLog audit;

        Failure(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String username = request.getParameter("username");
            String problem;
            if (exception instanceof DisabledException) {
                // only said once the password was right (see SecurityConfig), so it tells a guesser nothing
                problem = AccountMessages.DISABLED;
            } else {
                if (exception instanceof BadCredentialsException) {
                    throttle.failed(username, request.getRemoteAddr());
                }
                problem = messageAfterFailure(username, request.getRemoteAddr());
            }
            // no account is named: the username is as typed, and may be no account at all
            audit.recordOnItsOwn(null, username, AuditAction.SIGN_IN_FAILED, username, problem);
            SignInOutcome.refused(request, response, username, problem);
        }

        private String messageAfterFailure(String username, String address) {
            try {
                return throttle.check(address).map(LoginThrottle.Refusal::message)
                        .orElseGet(() -> throttle.failureMessage(username));
            } catch (DataAccessException failure) {
                if (!StoreBusy.is(failure)) {
                    throw failure;
                }
                return AccountMessages.BAD_CREDENTIALS; // the counts cannot be read just now; the answer stands
            }
        }
    }

    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {

        private final LoginThrottle throttle;
        private final SecondStepController secondStep;
        private final AuditLog audit;
        private final Accounts accounts;

        Success(LoginThrottle throttle, SecondStepController secondStep, AuditLog audit, Accounts accounts) {
            this.throttle = throttle;
            this.secondStep = secondStep;
            this.audit = audit;
            this.accounts = accounts;
            setDefaultTargetUrl("/newsroom");
            setRedirectStrategy(new RelativeRedirects()); // the saved request's URL carries the request's host
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws ServletException, IOException {
            if (secondStep.begin(request, response, authentication)) {
                return; // its failures stay counted until the code is right too
            }
            throttle.succeeded(authentication.getName());
            audit.recordOnItsOwn(accounts.find(authentication.getName()).map(Account::id).orElse(null),
                    authentication.getName(), AuditAction.SIGNED_IN, authentication.getName(), "");
            accounts.findSignedIn(authentication.getName()).ifPresent(stored ->
                    SignedInAccountFilter.remember(request.getSession(), stored.sessionEpoch()));
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
