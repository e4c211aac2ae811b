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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page cache keeps what a route declares and nothing else, whatever its address looks like: it knows no route
 * table. Probe routes stand in for a reader page added tomorrow and for everything that is not one; each answers
 * with how many times it has been rendered, so a second answer that repeats the first came from the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PageCacheFollowsTheHandlerTest.DeclaredProbe.class, PageCacheFollowsTheHandlerTest.UndeclaredProbes.class,
        PageCacheFollowsTheHandlerTest.PagedProbe.class})
class PageCacheFollowsTheHandlerTest {

    @LocalServerPort
    private int port;

    @Autowired
    private PageCache cache;

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

    @Test
    void unknownCookiesAreIgnoredAndThePageIsServedFromTheCache() {
        SiteClient reader = new SiteClient(port);
        Page first = reader.get("/probes/declared/cookies");
        assertThat(first.header("X-Cache")).as("the first render").isNull();

        for (String cookie : new String[] {"JSESSIONID=x", "JSESSIONID=" + "A".repeat(32),
                "dateline_pending=" + "B".repeat(24), "dateline_pending=x", "dateline_commenter=bogus",
                "dateline_anything=1", "JSESSIONID=x; dateline_pending=" + "C".repeat(24) + "; dateline_x=y"}) {
            Page again = reader.get("/probes/declared/cookies", "Cookie", cookie);
            assertThat(again.body()).as(cookie).isEqualTo(first.body());
            assertThat(again.header("X-Cache")).as(cookie).isEqualTo("hit");
            assertThat(again.header("Cache-Control")).as(cookie).startsWith("public");
        }
        assertThat(reader.get("/probes/declared/cookies", "Authorization", "Bearer made-up").header("X-Cache"))
                .as("a made-up Authorization header").isEqualTo("hit");
    }

    @Test
    void aPageThatDoesNotReadThePageNumberHasOneEntryForEveryNumber() {
        SiteClient reader = new SiteClient(port);
        Page first = reader.get("/probes/declared/numbers");
        long entries = cache.size();
        for (String page : new String[] {"2", "3", "99999", "abc", "-1", "0", "02", "1"}) {
            Page again = reader.get("/probes/declared/numbers?page=" + page);
            assertThat(again.body()).as("?page=" + page).isEqualTo(first.body());
            assertThat(again.header("X-Cache")).as("?page=" + page).isEqualTo("hit");
        }
        assertThat(cache.size()).isEqualTo(entries);
    }

    @Test
    void aListingKeepsItsRealPagesAndAnswersPastTheLastWith404AndNoEntry() {
        SiteClient reader = new SiteClient(port);
        String one = reader.get("/probes/paged").body();
        String two = reader.get("/probes/paged?page=2").body();
        assertThat(two).isNotEqualTo(one).startsWith("page 2");
        long entries = cache.size();

        assertThat(reader.get("/probes/paged?page=02").body()).as("the same number").isEqualTo(two);
        assertThat(reader.get("/probes/paged?page=1").body()).isEqualTo(one);
        assertThat(reader.get("/probes/paged?page=abc").body()).as("odd reads as page 1").isEqualTo(one);
        for (int page = 4; page < 60; page++) {
            assertThat(reader.get("/probes/paged?page=" + page).status()).as("page " + page).isEqualTo(404);
        }
        assertThat(reader.get("/probes/paged?page=99999999999").body()).as("not a number").isEqualTo(one);
        assertThat(cache.size()).as("no entry for a page that does not exist").isEqualTo(entries);
    }

    /** A reader route nobody has written yet, at an address no reader page has today. */
    @RestController
    @CachedPage
    static class DeclaredProbe {

        private final AtomicInteger renders = new AtomicInteger();

        @GetMapping(path = {"/probes/declared/deep/down.txt", "/probes/declared/cookies", "/probes/declared/numbers"},
                produces = MediaType.TEXT_PLAIN_VALUE)
        String declared() {
            return "render " + renders.incrementAndGet();
        }
    }

    /** A listing of three pages, as the site's sections, tags and authors read {@code ?page=}. */
    @RestController
    static class PagedProbe {

        private final AtomicInteger renders = new AtomicInteger();

        @CachedPage(paginated = true)
        @GetMapping(path = "/probes/paged", produces = MediaType.TEXT_PLAIN_VALUE)
        ResponseEntity<String> paged(@RequestParam(defaultValue = "1") String page) {
            int number = PageNumbers.requested(page);
            return number > 3 ? ResponseEntity.notFound().build()
                    : ResponseEntity.ok("page " + number + ", render " + renders.incrementAndGet());
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
