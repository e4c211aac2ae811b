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
    @Timeout(90)
    default void anAdminEditsAProviderKeepingOrRemovingItsCredentialAndSwitchesAFolderProviderOffAndOn()
            throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/edited", exchange -> {
            seen.add(new Seen("/edited", exchange.getRequestHeaders().getFirst("Authorization"), null, null, 304));
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        });
        server.start();
        String name = "edit-" + Long.toString(System.nanoTime(), 36);
        String renamed = name + "-b";
        try {
            NewsroomForms admin = NewsroomForms.as(this, "admin");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/edited";
            assertThat(admin.post("/newsroom/wire/providers", "name", name, "credit", "With Agency", "kind", "http",
                    "url", url, "pollSeconds", "1", "credential", "tok-" + name).status()).isEqualTo(303);
            long id = count("SELECT id FROM wire_provider WHERE name = '" + name + "'");
            String edit = "/newsroom/wire/providers/" + id;
            assertThat(NewsroomForms.as(this, "editor").get(edit).status()).isEqualTo(403);
            Document form = admin.get(edit).html();
            assertThat(form.select("input[name=name]").val()).isEqualTo(name);
            assertThat(form.select("input[name=credit]").val()).isEqualTo("With Agency");
            assertThat(form.select("input[name=url]").val()).isEqualTo(url);
            assertThat(form.select("input[name=credential]").val()).isEmpty();

            // A bad edit comes back with the problems beside the fields and the input kept; nothing is saved.
            Page refused = admin.post(edit, "name", "Not OK", "credit", "With Someone", "kind", "http", "url", url,
                    "pollSeconds", "often", "expectedMinutes", "0", "credential", "typed-" + name,
                    "removeCredential", "true");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.html().select("#name-error").text()).startsWith("A name of lower-case letters");
            assertThat(refused.html().select("#pollSeconds-error").text()).startsWith("Seconds between polls");
            assertThat(refused.html().select("#credential-error").text())
                    .isEqualTo("Type a new credential or remove the stored one, not both.");
            assertThat(refused.html().select("input[name=pollSeconds]").val()).isEqualTo("often");
            assertThat(refused.html().select("input[name=credit]").val()).isEqualTo("With Someone");
            assertThat(refused.body()).doesNotContain("typed-" + name);
            assertThat(count("SELECT COUNT(*) FROM wire_provider WHERE name = '" + name
                    + "' AND source_credit = 'With Agency' AND poll_seconds = 1")).isEqualTo(1);

            // Renamed with a new credit, the credential left blank: the feed still gets the stored credential.
            assertThat(admin.post(edit, "name", renamed, "credit", "With Edited", "kind", "http", "url", url,
                    "pollSeconds", "1", "expectedMinutes", "0", "credential", "").status()).isEqualTo(303);
            Document list = admin.get("/newsroom/wire/providers").html();
            assertThat(list.select("#provider-" + id + " .provider-name").text()).isEqualTo(renamed);
            assertThat(list.select("#provider-" + id + " td").get(3).text()).isEqualTo("With Edited");
            assertThat(list.select("#provider-" + id + " .provider-source").text()).contains("with a credential");
            int before = seen.size();
            await(() -> seen.size() > before + 1);
            assertThat(seen.getLast().authorization()).isEqualTo("Bearer tok-" + name);

            // The credential removed: the feed is asked without one.
            assertThat(admin.post(edit, "name", renamed, "credit", "With Edited", "kind", "http", "url", url,
                    "pollSeconds", "1", "expectedMinutes", "0", "removeCredential", "true").status()).isEqualTo(303);
            assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + id + " .provider-source")
                    .text()).doesNotContain("with a credential");
            int removed = seen.size();
            await(() -> seen.size() > removed + 1);
            assertThat(seen.getLast().authorization()).isNull();

            // The first provider may be edited, but keeps its name and its folder.
            Page first = admin.post("/newsroom/wire/providers/1", "name", "renamed-wire", "kind", "http", "url",
                    url, "pollSeconds", "60", "expectedMinutes", "0");
            assertThat(first.status()).isEqualTo(422);
            assertThat(first.html().select("#name-error").text()).startsWith("The first provider keeps the name wire");
            assertThat(first.html().select("#kind-error").text()).startsWith("The first provider reads its folder");
            assertThat(count("SELECT COUNT(*) FROM wire_provider WHERE id = 1 AND name = 'wire' AND kind = 'folder'"))
                    .isEqualTo(1);
        } finally {
            server.stop(0);
            bean(JdbcClient.class).sql("UPDATE wire_provider SET enabled = FALSE WHERE name IN (:names)")
                    .param("names", List.of(name, renamed)).update();
        }

        // A folder provider switched off leaves files where they are; switched on, it takes them.
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String folderName = "off-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/newsroom/wire/providers", "name", folderName, "kind", "folder").status())
                .isEqualTo(303);
        long id = count("SELECT id FROM wire_provider WHERE name = '" + folderName + "'");
        Page off = admin.post("/newsroom/wire/providers/" + id + "/off");
        assertThat(off.status()).isEqualTo(303);
        Document list = admin.get(off.header("Location")).html();
        assertThat(list.select("[role=status]").text()).isEqualTo("Provider switched off: it is neither polled nor watched.");
        assertThat(list.select("#provider-" + id + " .provider-state").text()).isEqualTo("off");
        assertThat(list.select("#provider-" + id + " .provider-actions button").text()).isEqualTo("Switch on");

        WireFolder folder = new WireFolder(this);
        java.nio.file.Path incoming = folder.incoming().getParent().resolve(folderName).resolve("incoming");
        java.nio.file.Files.createDirectories(incoming);
        String uri = "urn:newsml:off.example:" + System.nanoTime();
        java.nio.file.Path part = incoming.resolve("waiting.json.part");
        java.nio.file.Files.writeString(part, WireFiles.ninjs2(uri, 1, "usable", 4, "Held while off", "OSLO", null));
        java.nio.file.Path waiting = java.nio.file.Files.move(part, incoming.resolve("waiting.json"));
        // Two files through the first provider after it: the intake has gone over every folder since.
        folder.drop("while-off-1-" + System.nanoTime() + ".json", WireFiles.ninjs2(uri + "-a", 1, "usable", 4,
                "Through the first provider", "OSLO", null));
        folder.drop("while-off-2-" + System.nanoTime() + ".json", WireFiles.ninjs2(uri + "-b", 1, "usable", 4,
                "Through the first provider again", "OSLO", null));
        assertThat(waiting).as("not watched while off").exists();
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE guid = '" + uri + "'")).isZero();

        assertThat(admin.post("/newsroom/wire/providers/" + id + "/on").status()).isEqualTo(303);
        WireFolder.awaitTaken(waiting);
        assertThat(awaitHeadline(uri)).isEqualTo("Held while off");
        assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + id + " .provider-state"))
                .isEmpty();
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
