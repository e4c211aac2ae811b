package news.dateline.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import news.dateline.platform.ApiProblems;
import news.dateline.platform.PerAddressLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Content API requests per client address ({@code request.getRemoteAddr()}, the client behind a trusted proxy):
 * {@link ApiProperties#perMinute()} a minute ({@link PerAddressLimit}, as search's limit), then {@code 429} as
 * problem+json with {@code Retry-After}; a 304 counts like any other request, since it costs the same database read.
 */
@Component
class ApiRateLimit implements HandlerInterceptor {

    static final String TOO_MANY = "Too many requests from this address: wait and try again.";

    private final PerAddressLimit limit;

    ApiRateLimit(ApiProperties properties, MeterRegistry meters) {
        this.limit = new PerAddressLimit("api", properties.perMinute(), meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        OptionalLong wait = limit.take(request.getRemoteAddr());
        if (wait.isEmpty()) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
        ApiProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
        return false;
    }
}
