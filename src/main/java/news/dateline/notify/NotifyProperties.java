package news.dateline.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification mails' limits (docs/mail.md): a comment's author is told of replies published within
 * {@code replyWindow} of writing it; the moderators' digest of held comments goes out at most every
 * {@code digestInterval} ({@code DATELINE_NOTIFY_DIGEST_INTERVAL}), showing the first {@code digestSize} of them,
 * and the site looks whether one is due every {@code digestCheck}. Checked at start.
 */
@ConfigurationProperties("dateline.notify")
public record NotifyProperties(
        @DefaultValue("60d") Duration replyWindow,
        @DefaultValue("30m") Duration digestInterval,
        @DefaultValue("1m") Duration digestCheck,
        @DefaultValue("5") int digestSize) {

    public NotifyProperties {
        if (replyWindow.isNegative() || replyWindow.isZero()) {
            throw new IllegalArgumentException("dateline.notify.reply-window must be positive");
        }
        if (digestInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("dateline.notify.digest-interval must be a minute or more");
        }
        if (digestCheck.isNegative() || digestCheck.isZero()) {
            throw new IllegalArgumentException("dateline.notify.digest-check must be positive");
        }
        if (digestSize < 1 || digestSize > 50) {
            throw new IllegalArgumentException("dateline.notify.digest-size must be 1 to 50");
        }
    }
}
