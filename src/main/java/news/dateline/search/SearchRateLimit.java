package news.dateline.search;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import news.dateline.platform.PerAddressLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Searches per client address ({@code request.getRemoteAddr()}, the reader behind a trusted proxy; docs/security.md):
 * every search is a Lucene query and a database read that no cache absorbs, so one address gets
 * {@link SearchRateLimitProperties#perMinute()} a minute. Past that, {@code 429} with {@code Retry-After} and the
 * site's error page. The buckets are {@link PerAddressLimit}'s: the minute's searches come back together when it
 * is over, so a slow machine cannot let a 31st search in.
 */
@Component
class SearchRateLimit implements HandlerInterceptor {

    private final PerAddressLimit limit;

    SearchRateLimit(SearchRateLimitProperties properties, MeterRegistry meters) {
        this.limit = new PerAddressLimit("search", properties.perMinute(), meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        OptionalLong wait = limit.take(request.getRemoteAddr());
        if (wait.isEmpty()) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        return false;
    }
}
