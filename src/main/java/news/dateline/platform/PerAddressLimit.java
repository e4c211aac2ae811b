package news.dateline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * So many requests a minute per client address, in this node's memory (with N nodes, N times the limit): token
 * buckets (Bucket4j) forgotten after ten quiet minutes and bounded in number, so made-up addresses cannot fill
 * memory. The minute's allowance comes back together when it is over, not bit by bit, so the limit means what it
 * says whatever the pace. Refusals are counted as {@code dateline.ratelimit.refusals{limit=…}}.
 */
public final class PerAddressLimit {

    private static final long MAX_TRACKED = 200_000;

    private final int perMinute;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(MAX_TRACKED).build();
    private final Counter refusals;

    /** {@code perMinute} 0: no limit. */
    public PerAddressLimit(String name, int perMinute, MeterRegistry meters) {
        this.perMinute = perMinute;
        this.refusals = Counter.builder("dateline.ratelimit.refusals").tag("limit", name)
                .description("Requests refused by a rate limit, by limit").register(meters);
    }

    /** Empty when {@code address} may go on; else the whole seconds until it may (for {@code Retry-After}). */
    public OptionalLong take(String address) {
        if (perMinute == 0) {
            return OptionalLong.empty();
        }
        Bucket bucket = byAddress.get(address, any -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        refusals.increment();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
    }
}
