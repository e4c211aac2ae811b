package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.MovableClock;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HTTP providers an admin adds on the providers screen, polled from a real local server; a silent provider. Paged
 * feeds and a failing server: {@link news.dateline.wire.provider.WireFeedJourneys}.
 */
interface WireProviderJourneys extends RunningSite {

    /** What the test server saw of one request. */
    record Seen(String path, String authorization, String ifNoneMatch, String ifModifiedSince, int answered) {
    }

    @Test
    @Timeout(90)
    default void anAdminAddsHttpProvidersWhoseNinjsAndRssFeedsArePolledConditionallyWithTheirCredential()
            throws Exception {
        String word = "Feed" + System.nanoTime();
        String uri = "urn:newsml:agency.example:" + word;
        String ninjs = "[" + WireFiles.ninjs2(uri, 1, "usable", 3, word + " markets open higher", "LONDON", null) + "]";
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Agency</title>
                <item><guid>%s-rss-1</guid><title>%s ferry strike called off</title>
                <description>Unions and owners agreed overnight.</description>
                <content:encoded><![CDATA[<p>The strike is off.</p>]]></content:encoded>
                <pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>
                """.formatted(uri, word);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ninjs", exchange -> answer(exchange, seen, ninjs, "application/json", "\"v1\"", null));
        server.createContext("/rss", exchange -> answer(exchange, seen, rss, "application/rss+xml", null,
                "Tue, 01 Dec 2026 10:00:00 GMT"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            NewsroomForms admin = NewsroomForms.as(this, "admin");
            assertThat(NewsroomForms.as(this, "editor").get("/newsroom/wire/providers").status()).isEqualTo(403);

            // A bad form comes back with the problems named and the input kept, the credential not sent back.
            Page refused = admin.post("/newsroom/wire/providers", "name", "Bad Name", "kind", "http", "url",
                    "ftp://example.com/feed", "pollSeconds", "0", "credential", "s3cret-token-" + word);
            assertThat(refused.status()).isEqualTo(422);
            Document form = refused.html();
            assertThat(form.select("#name-error").text()).isEqualTo("A name of lower-case letters, digits and hyphens, up to 40 (it names the folder).");
            assertThat(form.select("#url-error").text()).startsWith("An http:// or https:// address");
            assertThat(form.select("#pollSeconds-error").text()).startsWith("Seconds between polls");
            assertThat(form.select("input[name=url]").val()).isEqualTo("ftp://example.com/feed");
            assertThat(refused.body()).doesNotContain("s3cret-token-" + word);

            String ninjsName = "ninjs-" + Long.toString(System.nanoTime(), 36);
            assertThat(admin.post("/newsroom/wire/providers", "name", ninjsName, "credit", "With Agency", "kind",
                    "http", "url", base + "/ninjs", "pollSeconds", "1", "credential", "s3cret-token-" + word)
                    .status()).isEqualTo(303);
            String rssName = "rss-" + Long.toString(System.nanoTime(), 36);
            assertThat(admin.post("/newsroom/wire/providers", "name", rssName, "kind", "http", "url",
                    base + "/rss", "pollSeconds", "1", "credential", "desk:pa55-" + word).status()).isEqualTo(303);
            // Polled: the items are on the desk, by the same rules as files.
            assertThat(awaitHeadline(uri)).isEqualTo(word + " markets open higher");
            assertThat(awaitHeadline(uri + "-rss-1")).isEqualTo(word + " ferry strike called off");

            // Polled again, conditionally: 304, and nothing stored twice.
            await(() -> seen.stream().anyMatch(s -> s.path().equals("/ninjs") && s.answered() == 304)
                    && seen.stream().anyMatch(s -> s.path().equals("/rss") && s.answered() == 304));
            assertThat(seen).filteredOn(s -> s.path().equals("/ninjs") && s.answered() == 304)
                    .allSatisfy(s -> assertThat(s.ifNoneMatch()).isEqualTo("\"v1\""));
            assertThat(seen).filteredOn(s -> s.path().equals("/rss") && s.answered() == 304)
                    .allSatisfy(s -> assertThat(s.ifModifiedSince()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT"));
            assertThat(count("SELECT COUNT(*) FROM wire_version v JOIN wire_item i ON i.id = v.item_id "
                    + "WHERE i.guid LIKE '" + uri + "%'")).isEqualTo(2);

            // The credentials went to the feed, and are nowhere else: not in the database as typed, not on a page.
            assertThat(seen).filteredOn(s -> s.path().equals("/ninjs"))
                    .allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer s3cret-token-" + word));
            assertThat(seen).filteredOn(s -> s.path().equals("/rss")).allSatisfy(s -> assertThat(s.authorization())
                    .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(("desk:pa55-" + word)
                            .getBytes(StandardCharsets.UTF_8))));
            assertThat(count("SELECT COUNT(*) FROM wire_provider WHERE credential_sealed LIKE '%" + word
                    + "%' OR credential_env LIKE '%" + word + "%'")).isZero();
            Document providers = admin.get("/newsroom/wire/providers").html();
            assertThat(providers.outerHtml()).doesNotContain("s3cret-token").doesNotContain("pa55-");
            assertThat(providers.select("tr:has(.provider-name:contains(" + ninjsName + ")) .provider-source").text())
                    .contains("with a credential");

        } finally {
            server.stop(0);
            bean(JdbcClient.class).sql("UPDATE wire_provider SET enabled = FALSE WHERE kind = 'http'").update();
        }
    }

    @Test
    default void aProviderSilentForLongerThanExpectedIsFlaggedOnTheDeskAndTheDashboard() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String name = "quiet-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/newsroom/wire/providers", "name", name, "kind", "folder", "expectedMinutes", "5")
                .status()).isEqualTo(303);
        long id = count("SELECT id FROM wire_provider WHERE name = '" + name + "'");
        assertThat(admin.get("/newsroom/wire").html().select("#provider-" + id + " .provider-silent")).isEmpty();

        bean(MovableClock.class).advance(Duration.ofMinutes(6));
        assertThat(admin.get("/newsroom/wire").html().select("#provider-" + id + " .provider-silent").text())
                .startsWith("silent for 6 min (expected every 5 min)");
        assertThat(admin.get("/newsroom").html().select("#operations").text())
                .contains("Wire provider " + name + " has sent nothing: silent for 6 min");

        // A file from it ends the silence.
        WireFolder folder = new WireFolder(this);
        java.nio.file.Path incoming = folder.incoming().getParent().resolve(name).resolve("incoming");
        String uri = "urn:newsml:quiet.example:" + System.nanoTime();
        try {
            java.nio.file.Files.createDirectories(incoming);
            java.nio.file.Path part = incoming.resolve("one.json.part");
            java.nio.file.Files.writeString(part, WireFiles.ninjs2(uri, 1, "usable", 4, "Quiet no more", "OSLO", null));
            WireFolder.awaitTaken(java.nio.file.Files.move(part, incoming.resolve("one.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(admin.get("/newsroom/wire").html().select("#provider-" + id + " .provider-silent")).isEmpty();
    }

    private static void answer(HttpExchange exchange, List<Seen> seen, String body, String type, String etag,
            String lastModified) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        boolean unchanged = etag != null && etag.equals(ifNoneMatch)
                || lastModified != null && lastModified.equals(ifModifiedSince);
        seen.add(new Seen(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                ifNoneMatch, ifModifiedSince, unchanged ? 304 : 200));
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (lastModified != null) {
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
        }
        if (unchanged) {
            exchange.sendResponseHeaders(304, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String awaitHeadline(String guid) {
        await(() -> count("SELECT COUNT(*) FROM wire_item WHERE guid = '" + guid + "'") == 1);
        return bean(JdbcClient.class).sql("SELECT headline FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(String.class).single();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            WireFolder.sleep(100);
        }
    }

    private long count(String sql) {
        return bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
