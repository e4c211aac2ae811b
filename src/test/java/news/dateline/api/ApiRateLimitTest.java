package news.dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The content API's per-address limit: past it, 429 as problem+json with Retry-After; other addresses go on. */
class ApiRateLimitTest {

    @Test
    void anAddressPastItsLimitIsToldToWaitAndOthersAreNot() throws Exception {
        ApiRateLimit limit = new ApiRateLimit(new ApiProperties(2, Duration.ofSeconds(60)), new SimpleMeterRegistry());

        assertThat(allowed(limit, "203.0.113.7", new MockHttpServletResponse())).isTrue();
        assertThat(allowed(limit, "203.0.113.7", new MockHttpServletResponse())).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(allowed(limit, "203.0.113.7", refused)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains(ApiRateLimit.TOO_MANY);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);

        assertThat(allowed(limit, "203.0.113.8", new MockHttpServletResponse())).as("another address").isTrue();
        assertThat(allowed(new ApiRateLimit(new ApiProperties(0, Duration.ZERO), new SimpleMeterRegistry()),
                "203.0.113.7", new MockHttpServletResponse())).as("0 = no limit").isTrue();
    }

    private static boolean allowed(ApiRateLimit limit, String address, MockHttpServletResponse response)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/stories");
        request.setRemoteAddr(address);
        return limit.preHandle(request, response, new Object());
    }
}
