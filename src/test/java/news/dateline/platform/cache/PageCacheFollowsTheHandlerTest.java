package news.dateline.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page cache keeps what a route declares and nothing else, whatever its address looks like: it knows no route
 * table. Probe routes stand in for a reader page added tomorrow and for everything that is not one; each answers
 * with how many times it has been rendered, so a second answer that repeats the first came from the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PageCacheFollowsTheHandlerTest.DeclaredProbe.class, PageCacheFollowsTheHandlerTest.UndeclaredProbes.class})
class PageCacheFollowsTheHandlerTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry, "page-cache-probes");
    }

    @Test
    void aNewRouteDeclaredCachedPageIsCachedWhateverItsAddress() {
        SiteClient reader = new SiteClient(port);

        Page first = reader.get("/probes/declared/deep/down.txt");
        Page second = reader.get("/probes/declared/deep/down.txt");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).as("served from the cache").isEqualTo(first.body());
        assertThat(second.header("ETag")).isNotNull().isEqualTo(first.header("ETag"));
        assertThat(second.header("Cache-Control")).contains("public", "s-maxage=");
        assertThat(second.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void aRouteNotDeclaredIsNeverStoredEvenWhereReaderPagesLive() {
        SiteClient reader = new SiteClient(port);

        // The shape of /{section}/{slug}, an article's address.
        Page first = reader.get("/probes/undeclared");
        Page second = reader.get("/probes/undeclared");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).as("rendered again").isNotEqualTo(first.body());
        assertThat(second.header("ETag")).isNull();
        assertThat(second.header("Cache-Control")).isNull();
    }

    @Test
    void aCachedPageThatRefusesIsSentButNotStored() {
        SiteClient reader = new SiteClient(port);

        Page first = reader.get("/probes/refused");
        Page second = reader.get("/probes/refused");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).as("rendered again").isNotEqualTo(first.body());
        assertThat(second.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(second.header("ETag")).isNull();
    }

    @Test
    @Timeout(30)
    void anEventStreamFlowsAndIsNeverStoredEvenWhereReaderPagesLive() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Stream<String>> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/probes/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            Iterator<String> lines = response.body().iterator();

            // The stream stays open for seconds after its first event; a buffered one would show nothing till then.
            String first = CompletableFuture.supplyAsync(lines::next).get(2, TimeUnit.SECONDS);

            assertThat(first).isEqualTo("data:first");
            assertThat(response.headers().firstValue("ETag")).as("not stored as a page").isEmpty();
        } finally {
            // close() would wait for the open stream to end.
            http.shutdownNow();
        }
    }

    /** A reader route nobody has written yet, at an address no reader page has today. */
    @RestController
    @CachedPage
    static class DeclaredProbe {

        private final AtomicInteger renders = new AtomicInteger();

        @GetMapping(path = "/probes/declared/deep/down.txt", produces = MediaType.TEXT_PLAIN_VALUE)
        String declared() {
            return "render " + renders.incrementAndGet();
        }
    }

    @RestController
    static class UndeclaredProbes {

        private final AtomicInteger renders = new AtomicInteger();

        @GetMapping(path = "/probes/undeclared", produces = MediaType.TEXT_PLAIN_VALUE)
        String undeclared() {
            return "render " + renders.incrementAndGet();
        }

        @CachedPage
        @GetMapping(path = "/probes/refused", produces = MediaType.TEXT_PLAIN_VALUE)
        String refused(HttpServletRequest request) {
            PageCache.refuse(request);
            return "render " + renders.incrementAndGet();
        }

        /** Its first event comes after the handler has returned, as a live blog's entries do. */
        @GetMapping(path = "/probes/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter events() {
            SseEmitter emitter = new SseEmitter(Duration.ofSeconds(10).toMillis());
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                    emitter.send(SseEmitter.event().data("first"));
                } catch (InterruptedException | IOException e) {
                    emitter.completeWithError(e);
                }
            });
            return emitter;
        }
    }
}
