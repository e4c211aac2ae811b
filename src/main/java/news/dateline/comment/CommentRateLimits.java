package news.dateline.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import news.dateline.platform.DataProperties;
import news.dateline.platform.SharedRateCounter;
import org.springframework.stereotype.Component;

/**
 * Limits per reader address and per email address. On SQLite (one node): token buckets in this node's memory;
 * buckets of quiet senders are forgotten after an hour, and the map is bounded so a flood of made-up addresses
 * cannot exhaust memory. On PostgreSQL, where a load balancer spreads a flood over several nodes, the same limits
 * are counted in the database ({@link SharedRateCounter}, docs/scaling.md).
 */
@Component
class CommentRateLimits {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final long MAX_TRACKED = 200_000;

    private final CommentProperties.RateLimits limits;
    private final Cache<String, Bucket> byIp;
    private final Cache<String, Bucket> byEmail;

    /** Null on SQLite. */
    private final SharedRateCounter shared;
    private final Counter ipRefusals;
    private final Counter emailRefusals;

    CommentRateLimits(CommentProperties settings, DataProperties data, SharedRateCounter counter,
            MeterRegistry meters) {
        this.ipRefusals = refusals(meters, "comment_address");
        this.emailRefusals = refusals(meters, "comment_email");
        this.limits = settings.rateLimits();
        this.shared = data.usesSqlite() ? null : counter;
        this.byIp = Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER).maximumSize(MAX_TRACKED).build();
        this.byEmail = Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER).maximumSize(MAX_TRACKED).build();
    }

    /** Counts one attempt from this address; empty if allowed, otherwise how long until the next is. */
    Optional<Duration> tryFromIp(String ip) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        if (shared != null) {
            return counted(both("comment-ip", ip, limits.perIpPerMinute(), limits.perIpPerHour()), ipRefusals);
        }
        return counted(take(byIp.get(ip, k -> bucket(limits.perIpPerMinute(), limits.perIpPerHour()))), ipRefusals);
    }

    Optional<Duration> tryFromEmail(String emailKey) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        if (shared != null) {
            return counted(both("comment-email", emailKey, limits.perEmailPerMinute(), limits.perEmailPerHour()),
                    emailRefusals);
        }
        return counted(take(byEmail.get(emailKey, k -> bucket(limits.perEmailPerMinute(), limits.perEmailPerHour()))),
                emailRefusals);
    }

    /** {@code dateline_ratelimit_refusals_total{limit}}, beside the search limit's. */
    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("dateline.ratelimit.refusals").tag("limit", limit)
                .description("Requests refused by a rate limit, by limit").register(meters);
    }

    private static Optional<Duration> counted(Optional<Duration> wait, Counter refusals) {
        wait.ifPresent(refused -> refusals.increment());
        return wait;
    }

    /** The hour is asked only when the minute allows: an attempt the minute refuses does not count in the hour. */
    private Optional<Duration> both(String scope, String key, int perMinute, int perHour) {
        return shared.tryHit(scope + "-minute", key, perMinute, Duration.ofMinutes(1))
                .or(() -> shared.tryHit(scope + "-hour", key, perHour, Duration.ofHours(1)));
    }

    private static Optional<Duration> take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket bucket(int perMinute, int perHour) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .build();
    }
}
