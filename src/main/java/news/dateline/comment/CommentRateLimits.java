package news.dateline.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets per reader address and per email address, in this node's memory (a flood is stopped where it
 * lands; with N nodes a sender gets at most N times the limit). Buckets of quiet senders are forgotten after
 * an hour, and the map is bounded so a flood of made-up addresses cannot exhaust memory.
 */
@Component
class CommentRateLimits {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final long MAX_TRACKED = 200_000;

    private final CommentProperties.RateLimits limits;
    private final Cache<String, Bucket> byIp;
    private final Cache<String, Bucket> byEmail;

    private final Counter ipRefusals;
    private final Counter emailRefusals;

    CommentRateLimits(CommentProperties settings, MeterRegistry meters) {
        this.ipRefusals = refusals(meters, "comment_address");
        this.emailRefusals = refusals(meters, "comment_email");
        this.limits = settings.rateLimits();
        this.byIp = Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER).maximumSize(MAX_TRACKED).build();
        this.byEmail = Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER).maximumSize(MAX_TRACKED).build();
    }

    /** Counts one attempt from this address; empty if allowed, otherwise how long until the next is. */
    Optional<Duration> tryFromIp(String ip) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        return counted(take(byIp.get(ip, k -> bucket(limits.perIpPerMinute(), limits.perIpPerHour()))), ipRefusals);
    }

    Optional<Duration> tryFromEmail(String emailKey) {
        if (!limits.enabled()) {
            return Optional.empty();
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
