package news.dateline.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Searches per client address ({@code request.getRemoteAddr()}, the reader behind a trusted proxy; docs/security.md):
 * every search is a Lucene query and a database read that no cache absorbs, so one address gets
 * {@link SearchRateLimitProperties#perMinute()} a minute. Past that, {@code 429} with {@code Retry-After} and the
 * site's error page. Token buckets (Bucket4j, as the comment limits) in this node's memory, forgotten after ten
 * quiet minutes and bounded in number, so made-up addresses cannot fill memory; with N nodes, N times the limit.
 * The minute's searches come back together when it is over, not one every few seconds: the limit then means what it
 * says whatever the pace of the searches, so a slow machine cannot let a 31st search in.
 */
@Component
class SearchRateLimit implements HandlerInterceptor {

    private static final long MAX_TRACKED = 200_000;

    private final int perMinute;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(MAX_TRACKED).build();

    private final Counter refusals;

    SearchRateLimit(SearchRateLimitProperties properties, MeterRegistry meters) {
        this.perMinute = properties.perMinute();
        this.refusals = Counter.builder("dateline.ratelimit.refusals").tag("limit", "search")
                .description("Requests refused by a rate limit, by limit").register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (perMinute == 0) {
            return true;
        }
        Bucket bucket = byAddress.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        refusals.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        return false;
    }
}
