package news.dateline.api;

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
import news.dateline.platform.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Content API requests per client address ({@code request.getRemoteAddr()}, the client behind a trusted proxy):
 * {@link ApiProperties#perMinute()} a minute, then {@code 429} as problem+json with {@code Retry-After}. Token
 * buckets (Bucket4j) in this node's memory, forgotten after ten quiet minutes and bounded in number, as search's
 * limit is; a 304 counts like any other request, since it costs the same database read.
 */
@Component
class ApiRateLimit implements HandlerInterceptor {

    static final String TOO_MANY = "Too many requests from this address: wait and try again.";
    private static final long MAX_TRACKED = 200_000;

    private final int perMinute;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(MAX_TRACKED).build();
    private final Counter refusals;

    ApiRateLimit(ApiProperties properties, MeterRegistry meters) {
        this.perMinute = properties.perMinute();
        this.refusals = Counter.builder("dateline.ratelimit.refusals").tag("limit", "api")
                .description("Requests refused by a rate limit, by limit").register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (perMinute == 0 || "OPTIONS".equals(request.getMethod())) {
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
        ApiProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
        return false;
    }
}
