package news.dateline.wire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import news.dateline.support.MovableClock;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.wire.WireIngest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * An HTTP provider whose feed comes in pages: the poller follows the next-page links, keeps its place in the
 * database (so a restarted node, or another one, goes on from there), asks conditionally, and backs off a
 * failing server. Run by the wire desk's journey classes on both databases.
 */
public interface WireFeedJourneys extends RunningSite {

    /** One request the test server answered: path and query, If-None-Match, status. */
    record Asked(String page, String ifNoneMatch, int status) {
    }

    /** What a page answers: body, ETag, Link header (or null). */
    record Answer(String body, String etag, String link) {
    }

    @Test
    @Timeout(90)
    default void aPagedFeedIsFollowedToItsLastPageAskedAgainConditionallyAndResumedFromTheSavedPageAfterARestart()
            throws Exception {
        String word = "Paged" + System.nanoTime();
        List<Asked> asked = new CopyOnWriteArrayList<>();
        Map<String, Answer> pages = new ConcurrentHashMap<>();
        // Page 1: a ninjs array with an RFC 8288 Link header; page 2: a JSON envelope as AP's feed sends it.
        pages.put("/feed", new Answer("[" + item(word, 1, "Harbour reopens") + "]", "\"p1\"",
                "</feed/2?seq=2>; rel=\"next\""));
        pages.put("/feed/2?seq=2", new Answer("{\"data\": {\"items\": [{\"item\": " + item(word, 2, "Ferries sail")
                + "}]}}", "\"p2\"", null));
        HttpServer server = serve(asked, pages);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String name = "paged-" + Long.toString(System.nanoTime(), 36);
        try {
            NewsroomForms admin = NewsroomForms.as(this, "admin");
            assertThat(admin.post("/newsroom/wire/providers", "name", name, "kind", "http", "url", base + "/feed",
                    "pollSeconds", "600").status()).isEqualTo(303);
            long id = count("SELECT id FROM wire_provider WHERE name = '" + name + "'");

            // The first poll reads both pages: both items are on the desk.
            await(() -> headline(word + "-2") != null);
            assertThat(headline(word + "-1")).isEqualTo(word + " Harbour reopens");
            assertThat(headline(word + "-2")).isEqualTo(word + " Ferries sail");
            assertThat(asked).extracting(Asked::page).containsExactly("/feed", "/feed/2?seq=2");
            assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + id + " .provider-position")
                    .text()).isEqualTo("continues from /feed/2?seq=2");

            // The next poll asks for the last page again, with its ETag: 304, nothing new.
            long versions = count("SELECT COUNT(*) FROM wire_version");
            bean(MovableClock.class).advance(Duration.ofSeconds(601));
            await(() -> asked.size() == 3);
            assertThat(asked.get(2)).isEqualTo(new Asked("/feed/2?seq=2", "\"p2\"", 304));
            await(() -> "not modified".equals(note(id)));
            assertThat(count("SELECT COUNT(*) FROM wire_version")).isEqualTo(versions);

            // The agency adds to page 2 and a page 3. A node that starts now (a new poller, nothing in memory but
            // the database) goes on from page 2: page 1 is not fetched again.
            pages.put("/feed/2?seq=2", new Answer("{\"data\": {\"items\": [{\"item\": " + item(word, 2, "Ferries sail")
                    + "}, {\"item\": " + item(word, 3, "Queues at the quay") + "}], \"next_page\": \"" + base
                    + "/feed/3?seq=3\"}}", "\"p2b\"", null));
            pages.put("/feed/3?seq=3", new Answer("{\"items\": [" + item(word, 4, "Night crossings resume")
                    + "], \"nextPage\": null}", "\"p3\"", null));
            FeedPoller restarted = new FeedPoller(bean(FeedProviders.class), bean(ProviderSecrets.class),
                    bean(WireIngest.class), bean(MovableClock.class), true, DataSize.ofMegabytes(5));
            try {
                restarted.poll(bean(FeedProviders.class).find(id).orElseThrow());
            } finally {
                restarted.close();
            }
            assertThat(asked.subList(3, asked.size())).containsExactly(new Asked("/feed/2?seq=2", "\"p2\"", 200),
                    new Asked("/feed/3?seq=3", null, 200));
            assertThat(headline(word + "-3")).isEqualTo(word + " Queues at the quay");
            assertThat(headline(word + "-4")).isEqualTo(word + " Night crossings resume");
            assertThat(count("SELECT COUNT(*) FROM wire_version v JOIN wire_item i ON i.id = v.item_id WHERE i.guid"
                    + " LIKE 'urn:newsml:paged.example:" + word + "-%'")).as("page 2's first item stored once")
                    .isEqualTo(4);
            assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + id + " .provider-position")
                    .text()).isEqualTo("continues from /feed/3?seq=3");
        } finally {
            server.stop(0);
            bean(JdbcClient.class).sql("UPDATE wire_provider SET enabled = FALSE WHERE name = :name")
                    .param("name", name).update();
        }
    }

    @Test
    @Timeout(60)
    default void aFailingFeedIsAskedLessAndLessOftenAsTheScreenShows() throws Exception {
        List<Asked> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/broken", exchange -> {
            asked.add(new Asked("/broken", null, 500));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        String name = "failing-" + Long.toString(System.nanoTime(), 36);
        try {
            NewsroomForms admin = NewsroomForms.as(this, "admin");
            assertThat(admin.post("/newsroom/wire/providers", "name", name, "kind", "http", "url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/broken", "pollSeconds", "1").status())
                    .isEqualTo(303);
            long id = count("SELECT id FROM wire_provider WHERE name = '" + name + "'");
            await(() -> note(id).startsWith("failed: HTTP 500 (1 in a row)"));
            assertThat(note(id)).isEqualTo("failed: HTTP 500 (1 in a row); next try in 2 s");
            // Polled every second when well, now after 2 s, then after 4 s: the wait doubles.
            await(() -> note(id).startsWith("failed: HTTP 500 (2 in a row)"));
            assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + id + " .provider-poll")
                    .text()).isEqualTo("failed: HTTP 500 (2 in a row); next try in 4 s");
            assertThat(asked).as("asked once per try, not every second").hasSize(2);
        } finally {
            server.stop(0);
            bean(JdbcClient.class).sql("UPDATE wire_provider SET enabled = FALSE WHERE name = :name")
                    .param("name", name).update();
        }
    }

    private static String item(String word, int n, String headline) {
        return """
                {"uri": "urn:newsml:paged.example:%s-%d", "type": "text", "version": "1",
                 "versioncreated": "2026-12-01T10:00:00Z", "pubstatus": "usable", "urgency": 4,
                 "headlines": [{"role": "main", "value": "%s %s"}],
                 "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Page item %d.</p>"}]}"""
                .formatted(word, n, word, headline, n);
    }

    private static HttpServer serve(List<Asked> asked, Map<String, Answer> pages) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> answer(exchange, asked, pages));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, List<Asked> asked, Map<String, Answer> pages)
            throws IOException {
        String page = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        Answer answer = pages.get(page);
        int status = answer == null ? 404 : answer.etag().equals(ifNoneMatch) ? 304 : 200;
        asked.add(new Asked(page, ifNoneMatch, status));
        if (status != 200) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().add("ETag", answer.etag());
            if (answer.link() != null) {
                exchange.getResponseHeaders().add("Link", answer.link());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String headline(String guidEnd) {
        return bean(JdbcClient.class).sql("SELECT headline FROM wire_item WHERE guid = :guid")
                .param("guid", "urn:newsml:paged.example:" + guidEnd).query(String.class).optional().orElse(null);
    }

    private String note(long id) {
        return bean(JdbcClient.class).sql("SELECT last_poll_note FROM wire_provider WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    private long count(String sql) {
        return bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
