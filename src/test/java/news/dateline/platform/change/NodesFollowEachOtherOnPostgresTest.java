package news.dateline.platform.change;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import news.dateline.support.ClusterNode;
import news.dateline.support.SiteClient;
import news.dateline.support.TestAccounts;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes (two Spring contexts, each with its own page cache and search index) on ONE PostgreSQL database, as
 * behind a load balancer: what is written on one is served and found on the other within a second (issue 14).
 */
class NodesFollowEachOtherOnPostgresTest {

    private static ClusterNode node1;
    private static ClusterNode node2;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestDatabases.sharedPostgres("dateline_cluster");
        // One after the other: the first migrates and loads the sample site, the second finds them there.
        node1 = ClusterNode.start("node1", database, Map.of());
        node2 = ClusterNode.start("node2", database, Map.of());
    }

    @AfterAll
    static void stopNodes() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    @Timeout(60)
    void aStoryPublishedOnNode1IsServedAndFoundByNode2WithinASecond() {
        String word = unique("Quayside");
        // Node 2 has its home page cached before the story exists.
        assertThat(node2.site().get("/").body()).doesNotContain(word);
        assertThat(node2.site().get("/").status()).isEqualTo(200);

        long[] committed = new long[1];
        Written written = committing(node1, committed, () -> story(node1, "Harbour cranes fall silent in " + word).write());
        long start = committed[0];
        long elapsed = waitUntil(() -> node2.site().get(written.path()).status() == 200
                && node2.site().get("/").body().contains(word)
                && found(node2, word).contains(written.path()), start);
        System.out.println("Node 2 served and found the story " + elapsed + " ms after node 1 committed it");
        assertThat(elapsed).isLessThan(1_000);
    }

    /**
     * The site's face is followed too (issue 16): a new site name and a breaking-news banner saved on node 1 show on
     * node 2's cached home page within a second, without a restart.
     */
    @Test
    @Timeout(60)
    void aSettingsChangeAndABannerSavedOnNode1ShowOnNode2WithinASecond() {
        String name = "Herald " + unique("Quay");
        Written story = story(node1, "Harbour dues rise again in " + unique("Dues")).write();
        waitUntil(() -> node2.site().get(story.path()).body().contains("id=\"commentform\""), System.nanoTime());
        assertThat(node2.site().get("/").status()).isEqualTo(200);
        assertThat(node2.site().get("/").header("X-Cache")).as("node 2's home page is cached").isEqualTo("hit");
        var admin = news.dateline.support.NewsroomForms.as(node1, "admin");
        try {
            // The comment defaults are settings too: "new stories take no comments" closes the form on node 2.
            assertThat(admin.post("/newsroom/settings", "name", name, "tagline", "News as it happens",
                    "language", "en", "time-zone", "UTC", "comments", "closed").status()).isEqualTo(303);
            assertThat(admin.post("/newsroom/banner", "message", "Bridge closed " + name, "minutes", "60").status())
                    .isEqualTo(303);
            long start = System.nanoTime();
            long elapsed = waitUntil(() -> {
                String home = node2.site().get("/").body();
                return home.contains(">" + name + "</a>") && home.contains("Bridge closed " + name);
            }, start);
            waitUntil(() -> node2.site().get(story.path()).body().contains("Comments are closed."), start);
            System.out.println("Node 2 showed the new name and the banner " + elapsed + " ms after node 1 saved them");
            assertThat(elapsed).isLessThan(1_000);
        } finally {
            admin.post("/newsroom/banner/end");
            admin.post("/newsroom/settings", "name", "Dateline", "tagline", "News as it happens", "language", "en",
                    "time-zone", "UTC");
        }
    }

    /**
     * Ids are taken at insert, so a transaction holding a lower id can commit after one with a higher id, after
     * node 2 has already read the higher one. A follower that only asks for "id > newest seen" skips it forever.
     */
    @Test
    @Timeout(60)
    void twoTransactionsCommittingInReverseIdOrderAreBothAppliedOnBothNodes() throws Exception {
        String early = unique("Lowid");
        String late = unique("Highid");
        TransactionTemplate transaction = new TransactionTemplate(node1.bean(PlatformTransactionManager.class));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Written> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            Written story = story(node1, "Ferry timetable cut back in " + early).write();
            written.countDown();
            await(commit);
            return story;
        }));
        assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
        Written second = story(node1, "Ferry crews walk out in " + late).write();
        // Node 2 has read the higher id before the lower one commits.
        waitUntil(() -> found(node2, late).contains(second.path()), System.nanoTime());
        commit.countDown();
        Written firstStory = first.get(20, TimeUnit.SECONDS);

        JdbcClient jdbc = node1.bean(JdbcClient.class);
        long lowId = jdbc.sql("SELECT MIN(id) FROM change_log WHERE article_id = :a")
                .param("a", firstStory.id()).query(Long.class).single();
        long highId = jdbc.sql("SELECT MIN(id) FROM change_log WHERE article_id = :a")
                .param("a", second.id()).query(Long.class).single();
        assertThat(lowId).as("the story that committed last has the lower id").isLessThan(highId);

        long start = System.nanoTime();
        long elapsed = waitUntil(() -> found(node2, early).contains(firstStory.path())
                && node2.site().get("/").body().contains(early), start);
        System.out.println("Node 2 applied the late commit " + elapsed + " ms after it committed");
        assertThat(elapsed).isLessThan(1_000);
        for (ClusterNode node : List.of(node1, node2)) {
            assertThat(found(node, early)).containsExactly(firstStory.path());
            assertThat(found(node, late)).containsExactly(second.path());
        }
    }

    @Test
    @Timeout(60)
    void theFollowerCatchesUpAfterItWasStoppedWhileChangesHappened() {
        String word = unique("Lighthouse");
        node2.site().get("/");
        ChangeFollower follower = node2.bean(ChangeFollower.class);
        follower.stop();
        try {
            Written written = story(node1, "Lighthouse keeper rescues " + word).write();
            story(node1, "Second lighthouse story " + unique("Beacon")).write();
            // Node 2 stands still while its follower is stopped, and says so to the load balancer.
            sleep(1_500);
            assertThat(found(node2, word)).isEmpty();
            assertThat(node2.site().get("/").body()).doesNotContain(word);
            var health = node2.site().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"changeFollower\"", "\"OUT_OF_SERVICE\"");
            assertThat(health.body()).containsPattern("\"lagRows\":[2-9]");

            long start = System.nanoTime();
            follower.start();
            long elapsed = waitUntil(() -> found(node2, word).contains(written.path())
                    && node2.site().get("/").body().contains(word), start);
            System.out.println("Node 2 caught up " + elapsed + " ms after its follower started again");
            assertThat(elapsed).isLessThan(1_000);
        } finally {
            if (!follower.isRunning()) {
                follower.start();
            }
        }
        var health = node2.site().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"lagRows\":0", "\"lagSeconds\":0");
    }

    /** Sessions and their CSRF tokens live in the database: a load balancer may send each request anywhere. */
    @Test
    @Timeout(60)
    void signedInOnNode1AnEditorSavesAStoryOnNode2WithTheSameSessionAndToken() {
        String editor = TestAccounts.create(node1, "editor");
        SiteClient onNode1 = node1.site().signIn(editor, TestAccounts.PASSWORD);
        String csrf = onNode1.get("/newsroom/articles/new").html().select("meta[name=csrf-token]").attr("content");
        String session = onNode1.cookie("JSESSIONID");
        assertThat(csrf).isNotBlank();
        assertThat(session).isNotBlank();

        String cookie = "JSESSIONID=" + session;
        SiteClient onNode2 = node2.site();
        assertThat(onNode2.get("/newsroom", "Cookie", cookie).html().select("body").text()).contains(editor);
        String headline = "Tugboat strike ends after " + unique("Talks");
        var saved = onNode2.postForm("/newsroom/articles", java.util.List.of(Map.entry("headline", headline),
                Map.entry("standfirst", "A standfirst."), Map.entry("section", "1"), Map.entry("slug", ""),
                Map.entry("tags", ""), Map.entry("body", "Saved on the second node."), Map.entry("dateline", ""),
                Map.entry("source", ""), Map.entry("action", "save"), Map.entry("_csrf", csrf)), "Cookie", cookie);
        assertThat(saved.status()).as(saved.body()).isIn(302, 303);
        assertThat(saved.header("Location")).contains("/newsroom/articles/");
        assertThat(node1.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article WHERE headline = :h")
                .param("h", headline).query(Long.class).single()).isEqualTo(1);
        // Without the session the same form is refused on node 2, so the cookie is what carried it.
        var anonymous = node2.site().postForm("/newsroom/articles", Map.of("headline", headline, "_csrf", csrf));
        assertThat(anonymous.status()).isIn(302, 403);
    }

    /** A flood spread over the nodes by the load balancer meets one limit (10 attempts a minute per address). */
    @Test
    @Timeout(60)
    void commentAttemptsFromOneAddressAreCountedAcrossBothNodes() {
        Written article = story(node1, "Dock workers vote on the offer " + unique("Ballot")).write();
        String path = article.path() + "/comments";
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ClusterNode node = i % 2 == 0 ? node1 : node2;
            statuses.add(node.site().postForm(path, Map.of("comment", "", "author", "", "email", "", "stamp", ""),
                    "Origin", node.site().base()).status());
        }
        // Each attempt was answered on its own terms (the empty form is named), none refused as too many yet.
        assertThat(statuses).containsOnly(422);
        var refused = node2.site().postForm(path, Map.of("comment", "", "author", "", "email", "", "stamp", ""),
                "Origin", node2.site().base());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.html().select("body").text()).contains("commenting faster than we can read");
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

    private static List<String> found(ClusterNode node, String word) {
        return node.site().get("/search?q=" + word).html().select("ol.results li h2 a").eachAttr("href");
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String unique(String word) {
        // Letters only: digits would be split off by the analyzer and match other tests' words.
        String suffix = Long.toString(System.nanoTime(), 26).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + (c - '0') : 'k' + (c - 'a'))))
                .reduce("", String::concat);
        return word + suffix;
    }
}
