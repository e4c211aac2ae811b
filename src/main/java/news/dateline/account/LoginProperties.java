package news.dateline.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits and the session cookie ({@code dateline.login.*}; docs/newsroom.md): an address is locked after
 * {@code failuresPerAddress} failures in a window; an account past {@code failuresPerAccount} is slowed down, each
 * attempt waiting {@code slowDown}, doubled per further failure, at most {@code maxSlowDown}. {@code secureCookie}
 * unset means "Secure when dateline.site.base-url is https".
 */
@ConfigurationProperties("dateline.login")
record LoginProperties(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1s") Duration slowDown,
        @DefaultValue("10s") Duration maxSlowDown,
        Boolean secureCookie) {

    LoginProperties {
        if (failuresPerAccount < 1 || failuresPerAddress < 1) {
            throw new IllegalArgumentException("dateline.login.failures-per-* must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dateline.login.window must be positive");
        }
        if (slowDown.isNegative() || maxSlowDown.compareTo(slowDown) < 0) {
            throw new IllegalArgumentException(
                    "dateline.login.slow-down must not be negative, nor more than dateline.login.max-slow-down");
        }
    }
}
