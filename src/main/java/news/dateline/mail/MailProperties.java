package news.dateline.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail leaves the site (docs/mail.md): the SMTP server ({@code DATELINE_SMTP_HOST}, {@code _PORT}, {@code _USER},
 * {@code _PASSWORD}, {@code _FROM}, {@code _TLS}); without a host, mails are written to the log instead. The
 * outbox worker looks for due mails every {@code pollInterval}; a failed attempt waits {@code firstRetry}, then
 * twice as long each time up to {@code maxRetry}, and after {@code maxAttempts} the mail is marked failed.
 * Checked at start, so a mistake fails the boot rather than a reset link.
 */
@ConfigurationProperties("dateline.mail")
public record MailProperties(
        @DefaultValue("") String host,
        @DefaultValue("587") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String from,
        @DefaultValue("true") boolean tls,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("10") int maxAttempts) {

    public MailProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("dateline.mail.port (DATELINE_SMTP_PORT) must be 1 to 65535");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("dateline.mail.max-attempts must be 1 or more");
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "dateline.mail.first-retry must be positive and dateline.mail.max-retry at least as long");
        }
        if (!host.isBlank() && !from.contains("@")) {
            throw new IllegalArgumentException("DATELINE_SMTP_FROM (dateline.mail.from) must be an address such as "
                    + "newsroom@example.org when DATELINE_SMTP_HOST is set");
        }
    }

    /** Is an SMTP server configured? */
    public boolean smtp() {
        return !host.isBlank();
    }

    /** Never the password: this is what may be shown or logged. */
    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                + ", tls=" + tls + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
