package news.dateline.live;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import news.dateline.platform.ActingAccount;
import news.dateline.support.ClusterNode;
import news.dateline.support.FrontCache;
import news.dateline.support.Pushpin;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live streams held by Debian's Pushpin (GRIP) instead of the nodes (issue 14): readers connect through Pushpin to
 * node 2, the newsroom posts on node 1, and node 1 publishes the entry to Pushpin.
 */
class LiveThroughPushpinOnPostgresTest {

    private static ClusterNode node1;
    private static ClusterNode node2;
    private static Pushpin pushpin;

    @BeforeAll
    static void startTwoNodesAndPushpin() {
        Assumptions.assumeTrue(Pushpin.installed(),
                "Skipped: " + Pushpin.PUSHPIN + " is absent (apt-get install pushpin; .ci/run does)");
        int publish = FrontCache.freePort();
        String database = TestDatabases.sharedPostgres("dateline_grip");
        Map<String, String> grip = Map.of("dateline.grip.url", "http://127.0.0.1:" + publish);
        node1 = ClusterNode.start("node1", database, grip);
        node2 = ClusterNode.start("node2", database, grip);
        pushpin = Pushpin.start(publish, node2.port());
    }

    @AfterAll
    static void stop() {
        if (pushpin != null) {
            pushpin.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    @Timeout(60)
    void anEntryPostedOnNode1ReachesAReaderConnectedThroughPushpinToNode2WithinASecond() throws Exception {
        Written written = story(node1, "Storm surge reaches the harbour wall").write();
        LiveService desk = node1.bean(LiveService.class);
        desk.start(ActingAccount.SITE, written.id());
        long earlier = desk.addEntry(ActingAccount.SITE, written.id(), "Sirens sounded along the front.", false);

        try (Reader reader = Reader.connect(pushpin.port(), "/live/" + written.id() + "/events", null)) {
            // Held by Pushpin: the node answered at once and is not holding the connection.
            assertThat(reader.next(10)).isEqualTo("retry: 3000");
            assertThat(node2.bean(LiveStreams.class).openStreams()).isZero();

            long start = System.nanoTime();
            desk.addEntry(ActingAccount.SITE, written.id(), "The harbour wall has held.", false);
            String data = reader.nextData(10);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.println("The reader through Pushpin got the entry " + elapsed + " ms after node 1 committed it");
            assertThat(data).contains("The harbour wall has held.");
            assertThat(elapsed).isLessThan(1_000);
        }

        // A reader who reconnects with the last entry it saw gets what came after, through Pushpin as well.
        try (Reader reconnected = Reader.connect(pushpin.port(), "/live/" + written.id() + "/events",
                Long.toString(earlier))) {
            assertThat(reconnected.nextData(10)).contains("The harbour wall has held.");
        }
    }

    @Test
    @Timeout(60)
    void withoutPushpinInFrontANodeStillHoldsTheStreamItself() throws Exception {
        Written written = story(node1, "Ferry service suspended for the day").write();
        LiveService desk = node1.bean(LiveService.class);
        desk.start(ActingAccount.SITE, written.id());
        // Straight to node 2 (no Grip-Sig): today's in-process stream, with the entry node 2's follower replays.
        try (Reader reader = Reader.connect(node2.port(), "/live/" + written.id() + "/events", null)) {
            assertThat(reader.response.headers().firstValue("Grip-Hold")).isEmpty();
            desk.addEntry(ActingAccount.SITE, written.id(), "Crossings resume tomorrow at six.", false);
            assertThat(reader.nextData(10)).contains("Crossings resume tomorrow at six.");
        }
    }

    /** An EventSource as a browser opens one: lines of the stream as they arrive. */
    private static final class Reader implements AutoCloseable {

        private final HttpResponse<java.io.InputStream> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread pump;

        private Reader(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            this.pump = Thread.ofVirtual().start(() -> {
                try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.isEmpty()) {
                            lines.add(line);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the stream
                }
            });
        }

        static Reader connect(int port, String path, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new Reader(response);
        }

        String next(int seconds) throws InterruptedException {
            String line = lines.poll(seconds, TimeUnit.SECONDS);
            assertThat(line).as("a line of the stream within " + seconds + " s").isNotNull();
            return line;
        }

        /** The next {@code data:} line, skipping ids, names and keep-alive comments. */
        String nextData(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith("data:")) {
                    return line;
                }
            }
            throw new AssertionError("no data line within " + seconds + " s");
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            pump.interrupt();
        }
    }
}
