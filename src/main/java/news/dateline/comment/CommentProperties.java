package news.dateline.comment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The site's comment rules ({@code dateline.comments.*}); an article may override {@code moderation} and
 * {@code closeAfterDays} (table {@code comment_policy}), and an admin may set the site's own in the settings
 * ({@code comment.policy.CommentDefaults} reads both). Every setting is explained in docs/comments.md.
 * Checked at start: a nonsensical value fails the boot, not a reader's comment.
 */
@ConfigurationProperties("dateline.comments")
public record CommentProperties(
        @DefaultValue("first-time") Moderation moderation,
        @DefaultValue("0") int closeAfterDays,
        @DefaultValue("3") int nestingDepth,
        @DefaultValue("10000") int maxLength,
        @DefaultValue("245") int maxNameLength,
        @DefaultValue("2") int maxLinks,
        @DefaultValue List<String> moderationWords,
        @DefaultValue List<String> blocklist,
        @DefaultValue("3s") Duration minFillTime,
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("") String signingKey,
        @DefaultValue RateLimits rateLimits) {

    public CommentProperties {
        require(closeAfterDays >= 0, "close-after-days must be 0 (never) or more");
        require(nestingDepth >= 1 && nestingDepth <= 10, "nesting-depth must be between 1 and 10");
        require(maxLength >= 100, "max-length must be at least 100 characters");
        require(maxNameLength >= 20 && maxNameLength <= 1000, "max-name-length must be between 20 and 1000");
        require(maxLinks >= 0, "max-links must be 0 or more");
        require(!minFillTime.isNegative(), "min-fill-time must not be negative");
        // A comment of max-length characters, percent-encoded, has to fit.
        require(maxRequestSize.toBytes() >= 16L * 1024, "max-request-size must be at least 16KB");
        moderationWords = lowerCased(moderationWords);
        blocklist = lowerCased(blocklist);
    }

    /**
     * Bucket4j limits per node: a reader's address may try {@code perIpPerMinute} posts a minute (valid or not)
     * and {@code perIpPerHour} an hour; an email address may post {@code perEmailPerMinute} and
     * {@code perEmailPerHour}. {@code enabled=false} switches them off, for benchmarks only.
     */
    record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") int perIpPerMinute,
            @DefaultValue("60") int perIpPerHour,
            @DefaultValue("5") int perEmailPerMinute,
            @DefaultValue("30") int perEmailPerHour) {

        RateLimits {
            require(perIpPerMinute > 0 && perIpPerHour > 0 && perEmailPerMinute > 0 && perEmailPerHour > 0,
                    "rate limits must be positive; set dateline.comments.rate-limits.enabled=false to switch them off");
        }
    }

    private static List<String> lowerCased(List<String> words) {
        return words.stream().map(String::strip).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("dateline.comments: " + message);
        }
    }
}
