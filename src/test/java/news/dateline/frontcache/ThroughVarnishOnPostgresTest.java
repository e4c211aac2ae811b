package news.dateline.frontcache;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import news.dateline.moderation.ModerationService;
import news.dateline.support.ClusterNode;
import news.dateline.support.FrontCache;
import news.dateline.support.SiteClient;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import news.dateline.support.StoryEdits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one PostgreSQL behind Debian's Varnish running deploy/varnish/dateline.vcl, as an operator runs
 * them (issue 14): what one node commits is at the front within a second, purged by key, and what it did not
 * change stays cached there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThroughVarnishOnPostgresTest {

    private static ClusterNode node1;
    private static ClusterNode node2;
    private static FrontCache varnish;

    @BeforeAll
    static void startTwoNodesBehindVarnish() {
        Assumptions.assumeTrue(FrontCache.installed(),
                "Skipped: " + FrontCache.VARNISHD + " is absent (apt-get install varnish varnish-modules; .ci/run does)");
        int port = FrontCache.freePort();
        String database = TestDatabases.sharedPostgres("dateline_front");
        Map<String, String> purging = Map.of("dateline.front.caches", "http://127.0.0.1:" + port,
                "logging.level.news.dateline.frontcache", "DEBUG");
        node1 = ClusterNode.start("node1", database, purging);
        node2 = ClusterNode.start("node2", database, purging);
        // The nodes purge from 127.0.0.1; nobody else may.
        varnish = FrontCache.start(port, List.of(node1.port(), node2.port()), List.of("127.0.0.1"), 0);
        // Once through the whole path unmeasured, so that the timed journeys do not time the JIT's first pass.
        String word = unique("Warmup");
        Written warm = story(node1, "Harbour pilots return " + word).write();
        waitUntil(() -> front().get("/").body().contains(word) && front().get(warm.path()).status() == 200,
                System.nanoTime());
        sleep(1_500);
    }

    @AfterAll
    static void stop() {
        if (varnish != null) {
            varnish.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(60)
    void aStoryPublishedOnNode1ShowsThroughVarnishWithinASecond() {
        String word = unique("Quayside");
        assertThat(cachedAtTheFront("/").body()).doesNotContain(word);
        assertThat(cachedAtTheFront("/world/").body()).doesNotContain(word);

        long[] committed = new long[1];
        Written written = committing(node1, committed, () -> story(node1, "Harbour cranes fall silent in " + word)
                .in("world").write());
        // Each page asked for on its own, as readers would: the slowest of them is when the story was there.
        long start = committed[0];
        var home = CompletableFuture.supplyAsync(() -> waitUntil(() -> front().get("/").body().contains(word), start));
        var section = CompletableFuture.supplyAsync(
                () -> waitUntil(() -> front().get("/world/").body().contains(word), start));
        var own = CompletableFuture.supplyAsync(() -> waitUntil(() -> front().get(written.path()).status() == 200, start));
        long elapsed = Math.max(home.join(), Math.max(section.join(), own.join()));
        System.out.println("Varnish served the story " + elapsed + " ms after node 1 committed it (home "
                + home.join() + " ms, section " + section.join() + " ms, its own page " + own.join() + " ms)");
        assertThat(elapsed).isLessThan(1_000);
        // And keeps it: the next reader is served by Varnish, not by a node.
        assertThat(cachedAtTheFront(written.path()).body()).contains(word);
    }

    @Test
    @Order(2)
    @Timeout(60)
    void aCommentApprovedOnNode2AppearsThroughVarnishWithinASecondWhileOtherPagesStayCached() {
        Written commented = story(node1, "Ferry crews walk out " + unique("Strike")).in("world").write();
        Written unrelated = story(node1, "Cup final goes to extra time " + unique("Final")).in("business").write();
        String said = "Stay safe down there " + unique("Comment");
        long comment = node1.bean(JdbcClient.class).sql("""
                INSERT INTO comment (article_id, state, author_name, author_email, email_key, body, fingerprint,
                                     created_at, modified_at)
                VALUES (:article, 'pending', 'Reader', 'reader@example.org', 'reader@example.org', :body, 'f1', 1, 1)
                RETURNING id""").param("article", commented.id()).param("body", said).query(Long.class).single();
        // The stories' own purges are sent again for a second (dateline.front.repeat-after): let them pass.
        sleep(1_500);
        assertThat(cachedAtTheFront(commented.path()).body()).doesNotContain(said);
        cachedAtTheFront(unrelated.path());
        cachedAtTheFront("/");

        long start = System.nanoTime();
        node2.bean(ModerationService.class).approve(comment);
        long elapsed = waitUntil(() -> front().get(commented.path()).body().contains(said), start);
        System.out.println("Varnish served the approved comment " + elapsed + " ms after node 2 approved it");
        assertThat(elapsed).isLessThan(1_000);
        // Nothing else was purged: the other story's page and the home page are still served by Varnish.
        for (String path : List.of(unrelated.path(), "/")) {
            var page = front().get(path);
            assertThat(page.header("X-Cache")).as(path).isEqualTo("HIT");
            // Varnish names the request that fetched the copy beside this one's: it was fetched before.
            assertThat(page.header("X-Varnish")).as(path).matches("\\d+ \\d+");
        }
    }

    @Test
    @Order(3)
    @Timeout(60)
    void aStoryUpdatedOnNode2IsServedFromMemoryWhileItIsRefreshedAndIsNewWithinASecond() {
        Written breaking = story(node1, "Embassy convoy leaves at dawn " + unique("Convoy")).in("world").write();
        Written unrelated = story(node1, "Harvest festival opens " + unique("Harvest")).in("business").write();
        sleep(1_500);
        cachedAtTheFront(breaking.path());
        cachedAtTheFront(unrelated.path());
        cachedAtTheFront("/");

        String update = "Update: the convoy has crossed the border " + unique("Update");
        double purgesBefore = purgesAnswered(node2);
        long[] committed = new long[1];
        committing(node2, committed, () -> {
            StoryEdits.changeStandfirst(node2, breaking.id(), update);
            return null;
        });
        long start = committed[0];
        // Once Varnish took node 2's purge, the next reader is still answered from memory (the page it held, at
        // most a second old), not sent to wait for a node: during a breaking story that is every reader.
        long purged = waitUntil(() -> purgesAnswered(node2) > purgesBefore, start);
        SiteClient.Page first = front().get(breaking.path());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).as("the first reader after the update's purge").isEqualTo("HIT");
        long elapsed = waitUntil(() -> front().get(breaking.path()).body().contains(update), start);
        System.out.println("Varnish served the update " + elapsed + " ms after node 2 committed it (its purge "
                + "answered after " + purged + " ms)");
        assertThat(elapsed).isLessThan(1_000);
        // And the new version is what it keeps.
        assertThat(cachedAtTheFront(breaking.path()).body()).contains(update);
        // The other story's page was not purged: still the copy fetched before.
        SiteClient.Page other = front().get(unrelated.path());
        assertThat(other.header("X-Cache")).isEqualTo("HIT");
        assertThat(other.header("X-Varnish")).matches("\\d+ \\d+");
    }

    @Test
    @Order(4)
    @Timeout(60)
    void aWithdrawnStoryIsNeverServedFromTheFrontAgainNotEvenOnce() {
        String word = unique("Withdrawn");
        Written withdrawn = story(node1, "Ministry denies ceasefire " + word).in("world").write();
        sleep(1_500);
        cachedAtTheFront(withdrawn.path());

        double purgesBefore = purgesAnswered(node1);
        long start = System.nanoTime();
        StoryEdits.unpublish(node1, withdrawn.id());
        waitUntil(() -> purgesAnswered(node1) > purgesBefore, start);
        // A withdrawal (a wire kill is one) is a hard purge: from the first reader on, the story is gone; a copy
        // kept to serve while refreshing would show it once more.
        for (int i = 0; i < 5; i++) {
            SiteClient.Page page = front().get(withdrawn.path());
            assertThat(page.status()).as("reader " + (i + 1) + " after the purge").isIn(404, 410);
            assertThat(page.body()).doesNotContain(word);
        }
    }

    @Test
    @Order(5)
    @Timeout(60)
    void readersShareOneCopyWhileStaffAndStrangersPurgingAreTurnedAside() throws IOException {
        Written written = story(node1, "Tide gauge reads record high " + unique("Tide")).write();
        sleep(1_500);
        cachedAtTheFront(written.path());
        // A reader's own cookies (a remembered commenter) do not stop them getting the shared copy.
        assertThat(front().get(written.path(), "Cookie", "dateline_commenter=abc").header("X-Cache")).isEqualTo("HIT");
        // A session cookie goes to a node, which decides; the newsroom always does.
        assertThat(front().get(written.path(), "Cookie", "JSESSIONID=abc").header("X-Cache")).isEqualTo("PASS");
        assertThat(front().get("/newsroom/login").header("X-Cache")).isEqualTo("PASS");

        // A purge from an address that is not a node's is refused, and the page stays.
        String refused = rawFrom("127.0.0.2", "PURGE / HTTP/1.1\r\nHost: localhost\r\nxkey-purge: "
                + "article-" + written.id() + " home\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 403");
        String banned = rawFrom("127.0.0.2", "BAN / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(banned).startsWith("HTTP/1.1 403");
        assertThat(front().get(written.path()).header("X-Cache")).isEqualTo("HIT");
    }

    /**
     * The wire desk's event stream through Varnish: passed with the editor's session and streamed, so the stream's
     * first line arrives at once (a buffered pass would hold it until the stream ends) and a flash stored by the
     * node holding the desk arrives as it is stored. Each node sends its own intake's flashes, so each gets one.
     */
    @Test
    @Order(6)
    @Timeout(60)
    void aFlashReachesAnOpenWireDeskThroughVarnishAsItIsStored() throws Exception {
        String editor = news.dateline.support.TestAccounts.create(node1, "editor");
        SiteClient signedIn = new SiteClient(varnish.port()).signIn(editor, news.dateline.support.TestAccounts.PASSWORD);
        String cookie = java.util.stream.Stream.of("SESSION", "JSESSIONID").filter(n -> signedIn.cookie(n) != null)
                .map(n -> n + "=" + signedIn.cookie(n)).collect(java.util.stream.Collectors.joining("; "));
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(signedIn.base()
                        + "/newsroom/wire/events")).header("Cookie", cookie).header("Accept", "text/event-stream")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(answer.headers().firstValue("X-Cache").orElse("")).isEqualTo("PASS");
        java.util.Iterator<String> lines = answer.body().iterator();
        String word = unique("Quay");
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> flash = CompletableFuture.supplyAsync(() -> {
            first.complete(lines.next());
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:") && line.contains(word)) {
                    return line;
                }
            }
            return "";
        });
        assertThat(first.get(5, TimeUnit.SECONDS)).as("the stream's first line, at once").startsWith("retry:");
        for (ClusterNode node : List.of(node1, node2)) {
            java.nio.file.Path incoming = node.bean(news.dateline.platform.DataProperties.class).dir()
                    .resolve("wire").resolve("incoming");
            java.nio.file.Files.createDirectories(incoming);
            String guid = "urn:newsml:front.example:" + word + "-" + node.port();
            java.nio.file.Path part = java.nio.file.Files.writeString(incoming.resolve(word + ".json.part"), """
                    {"uri": "%s", "type": "text", "version": "1", "pubstatus": "usable", "urgency": 1,
                     "headlines": [{"value": "%s harbour quay collapses"}]}""".formatted(guid, word));
            java.nio.file.Files.move(part, incoming.resolve(word + ".json"));
        }
        assertThat(flash.get(10, TimeUnit.SECONDS)).contains(word + " harbour quay collapses");
    }

    /** Last: it stops node 2. */
    @Test
    @Order(100)
    @Timeout(90)
    void noReaderSeesAnErrorWhenANodeStopsMidStream() throws Exception {
        // Readers asking for pages Varnish does not hold (a query string it has not seen), so that every request
        // goes to a node: round robin sends every other one to node 2.
        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int reader = r;
            readers.add(Thread.ofVirtual().start(() -> {
                SiteClient client = front();
                for (int i = 0; reading.get(); i++) {
                    String path = "/world/?reader=" + reader + "-" + i;
                    try {
                        SiteClient.Page page = client.get(path);
                        if (page.status() != 200) {
                            failures.add(path + " answered " + page.status());
                        }
                        answered.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(path + " failed: " + e);
                    }
                }
            }));
        }
        waitUntil(() -> answered.get() >= 8, System.nanoTime());
        int beforeStop = answered.get();
        node2.close();
        // Until Varnish's probe has taken node 2 out, and a while after.
        long stopped = System.nanoTime();
        waitUntil(() -> answered.get() >= beforeStop + 12 && System.nanoTime() - stopped > 4_000_000_000L, stopped);
        reading.set(false);
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        System.out.println(answered.get() + " reader requests through Varnish, " + (answered.get() - beforeStop)
                + " after node 2 stopped; failures: " + failures);
        assertThat(failures).isEmpty();
    }

    private static double purgesAnswered(ClusterNode node) {
        var counter = node.bean(MeterRegistry.class).find("dateline.front.purges").tag("outcome", "answered").counter();
        return counter == null ? 0 : counter.count();
    }

    /** GETs the page through Varnish until Varnish answers it from its cache (a node rendered it once). */
    private static SiteClient.Page cachedAtTheFront(String path) {
        SiteClient.Page[] page = new SiteClient.Page[1];
        waitUntil(() -> {
            page[0] = front().get(path);
            return page[0].status() == 200 && "HIT".equals(page[0].header("X-Cache"));
        }, System.nanoTime());
        return page[0];
    }

    private static SiteClient front() {
        return varnish.site();
    }

    /** One request sent from {@code source} (any 127/8 address is this machine's), the answer's head. */
    private static String rawFrom(String source, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", varnish.port()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs the write in a transaction and notes the moment it committed (before this node's own listeners). */
    private static <T> T committing(ClusterNode node, long[] committedNanos, java.util.function.Supplier<T> write) {
        return new TransactionTemplate(node.bean(PlatformTransactionManager.class)).execute(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Integer.MIN_VALUE;
                }

                @Override
                public void afterCommit() {
                    committedNanos[0] = System.nanoTime();
                }
            });
            return write.get();
        });
    }

    /** Milliseconds from {@code startNanos} until the condition held, asking every 20 ms, for at most 10 s. */
    private static long waitUntil(BooleanSupplier condition, long startNanos) {
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            sleep(20);
        }
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String unique(String word) {
        // Letters only, as the search analyzer would split digits off.
        String suffix = Long.toString(System.nanoTime(), 26).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + (c - '0') : 'k' + (c - 'a'))))
                .reduce("", String::concat);
        return word + suffix;
    }
}
