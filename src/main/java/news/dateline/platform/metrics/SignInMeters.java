package news.dateline.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.stereotype.Component;

/**
 * {@code dateline_signin_failures_total{reason}}: newsroom sign-ins refused by the password check
 * (bad_credentials), or for a disabled or locked account, from Spring Security's own events.
 */
@Component
class SignInMeters {

    private final MeterRegistry meters;

    SignInMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        String reason = switch (failure) {
            case AuthenticationFailureBadCredentialsEvent bad -> "bad_credentials";
            case AuthenticationFailureDisabledEvent disabled -> "disabled";
            case AuthenticationFailureLockedEvent locked -> "locked";
            default -> "other";
        };
        Counter.builder("dateline.signin.failures").tag("reason", reason)
                .description("Newsroom sign-ins refused, by reason").register(meters).increment();
    }
}
