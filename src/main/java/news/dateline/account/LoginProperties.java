package news.dateline.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits and the session cookie ({@code dateline.login.*}; docs/newsroom.md). {@code secureCookie}
 * unset means "Secure when dateline.site.base-url is https".
 */
@ConfigurationProperties("dateline.login")
record LoginProperties(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") Duration window,
        Boolean secureCookie) {

    LoginProperties {
        if (failuresPerAccount < 1 || failuresPerAddress < 1) {
            throw new IllegalArgumentException("dateline.login.failures-per-* must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dateline.login.window must be positive");
        }
    }
}
