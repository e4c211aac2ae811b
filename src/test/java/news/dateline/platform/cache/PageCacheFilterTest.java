package news.dateline.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * A rendered page reaches the reader plain or gzip as they asked, whether the cache keeps it or is off (then the
 * page is compressed only for a reader who asked for gzip), and a kept page answers a later gzip hit.
 */
class PageCacheFilterTest {

    private static final String PAGE = "<p>The levee held — for now</p>";
    private final FilterChain renders = (request, response) -> {
        PageCacheFilter.handlerIsCachedPage((HttpServletRequest) request, (HttpServletResponse) response, false);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void withTheCacheOffEachReaderGetsThePagePlainOrGzipAsAsked() throws Exception {
        PageCacheFilter filter = filter(false);

        MockHttpServletResponse plain = send(filter, get(false));
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(plain.getHeader("ETag")).isNotBlank();

        MockHttpServletResponse gzip = send(filter, get(true));
        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(gzip.getContentAsByteArray())).isEqualTo(PAGE);
        assertThat(gzip.getContentLength()).isEqualTo(gzip.getContentAsByteArray().length);
        assertThat(gzip.getHeader("ETag")).isEqualTo(plain.getHeader("ETag"));
    }

    @Test
    void aPageKeptFromAPlainRenderAnswersTheNextGzipReaderCompressed() throws Exception {
        PageCacheFilter filter = filter(true);

        MockHttpServletResponse miss = send(filter, get(false));
        assertThat(miss.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(PAGE);

        MockHttpServletResponse hit = send(filter, get(true));
        assertThat(hit.getHeader("X-Cache")).isEqualTo("hit");
        assertThat(hit.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(hit.getContentAsByteArray())).isEqualTo(PAGE);
    }

    private static PageCacheFilter filter(boolean enabled) {
        CacheProperties properties = new CacheProperties(enabled, DataSize.ofMegabytes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30));
        PageCacheMeters meters = new PageCacheMeters(new SimpleMeterRegistry());
        return new PageCacheFilter(new PageCache(properties, meters), properties, Clock.systemUTC(), List.of(),
                meters);
    }

    private static MockHttpServletRequest get(boolean gzip) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/world/levee");
        if (gzip) {
            request.addHeader("Accept-Encoding", "gzip, deflate, br");
        }
        return request;
    }

    private MockHttpServletResponse send(PageCacheFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, renders);
        return response;
    }

    private static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
