package news.dateline.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The first filter answers a hit only when the rest of the chain would have answered the same hit; everything else
 * (another host, a staff session, a personal cookie, a query the legacy redirects read, a write) goes on untouched.
 */
class CacheHitFilterTest {

    private static final String PATH = "/world/levee";
    private final CacheProperties properties = new CacheProperties(true, DataSize.ofMegabytes(1),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PageCacheMeters meters = new PageCacheMeters(registry);
    private final PageCache cache = new PageCache(properties, meters);
    private final AtomicInteger chained = new AtomicInteger();
    private final FilterChain chain = (request, response) -> chained.incrementAndGet();
    private boolean hostAllowed = true;
    private final CacheHitFilter filter = new CacheHitFilter(cache, properties, request -> hostAllowed,
            List.of(request -> request.getCookies() != null && request.getCookies()[0].getName().equals("mine")),
            meters, "JSESSIONID");

    CacheHitFilterTest() {
        byte[] plain = "<p>The levee held</p>".getBytes(StandardCharsets.UTF_8);
        cache.put(PATH, new StoredPage(List.of(Map.entry("Content-Security-Policy", "default-src 'self'"),
                        Map.entry("Content-Type", "text/html;charset=UTF-8")), plain, new byte[] {31, -117, 8},
                "\"tag\"", 1_764_590_400_000L, PageCache.LISTING, false, "/{section}/{slug}",
                properties.cacheControl()), cache.generation());
    }

    @Test
    void anAnonymousReadersGetIsAnsweredWithTheStoredHeaderBlockWithoutTheChain() throws Exception {
        MockHttpServletResponse response = send(get(PATH));

        assertThat(chained).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderNames()).containsExactly("X-Cache", "Content-Security-Policy", "Content-Type",
                "Cache-Control", "ETag", "Last-Modified", "Vary", "Content-Length");
        assertThat(response.getHeader("Last-Modified")).isEqualTo("Mon, 01 Dec 2025 12:00:00 GMT");
        assertThat(response.getContentAsString()).isEqualTo("<p>The levee held</p>");
        assertThat(registry.get("http.server.requests").tag("uri", "/{section}/{slug}").tag("status", "200")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("dateline.page.cache.requests").tag("result", "hit").counter().count()).isEqualTo(1);
    }

    @Test
    void gzipHeadAndRevalidationAreAnsweredAsTheChainWould() throws Exception {
        MockHttpServletRequest gzip = get(PATH);
        gzip.addHeader("Accept-Encoding", "gzip, br");
        MockHttpServletResponse compressed = send(gzip);
        assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.getContentAsByteArray()).containsExactly(31, -117, 8);

        MockHttpServletRequest head = get(PATH);
        head.setMethod("HEAD");
        MockHttpServletResponse headers = send(head);
        assertThat(headers.getContentLength()).isEqualTo(21);
        assertThat(headers.getContentAsByteArray()).isEmpty();

        MockHttpServletRequest revalidate = get(PATH);
        revalidate.addHeader("If-None-Match", "\"tag\"");
        MockHttpServletResponse notModified = send(revalidate);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getHeader("ETag")).isEqualTo("\"tag\"");
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(chained).hasValue(0);
    }

    @Test
    void whatTheRestOfTheChainMustJudgeGoesOnUntouched() throws Exception {
        MockHttpServletRequest staff = get(PATH);
        staff.setCookies(new Cookie("JSESSIONID", "a-session-spring-session-may-know"));
        MockHttpServletRequest personal = get(PATH);
        personal.setCookies(new Cookie("mine", "a-pending-comment"));
        MockHttpServletRequest tracked = get(PATH);
        tracked.setQueryString("utm_source=feed");
        MockHttpServletRequest legacy = get("/");
        legacy.setQueryString("p=123");
        MockHttpServletRequest post = get(PATH);
        post.setMethod("POST");
        MockHttpServletRequest other = get("/world/another");

        for (MockHttpServletRequest request : List.of(staff, personal, tracked, legacy, post, other)) {
            assertThat(send(request).getHeader("X-Cache")).isNull();
        }
        assertThat(chained).hasValue(6);

        hostAllowed = false;
        assertThat(send(get(PATH)).getHeader("X-Cache")).as("a host the edge refuses").isNull();
        assertThat(chained).hasValue(7);
    }

    @Test
    void anOtherCookieOrAPageNumberStillGetsTheHit() throws Exception {
        MockHttpServletRequest cookie = get(PATH);
        cookie.setCookies(new Cookie("_ga", "GA1.2.3"));
        MockHttpServletRequest numbered = get(PATH);
        numbered.setQueryString("page=3");
        numbered.setParameter("page", "3");

        assertThat(send(cookie).getHeader("X-Cache")).isEqualTo("hit");
        assertThat(send(numbered).getHeader("X-Cache")).as("a page that does not read ?page=").isEqualTo("hit");
        assertThat(chained).hasValue(0);
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
