package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.dateline.platform.ActingAccount;
import news.dateline.live.LiveService;
import news.dateline.story.EditorialRepository;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StaffSession;
import news.dateline.support.StoryEdits;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After a kill: the story stays withdrawn whoever tries to put it out again, and its open pages are told. */
interface WireKillJourneys extends RunningSite {

    @Test
    default void aKilledStoryCannotBePublishedOrScheduledAgainFromTheEditorOrTheApi() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Saltstraumen" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        long articleId = publishedStoryFrom(folder, uri, word + " ferry capsizes");
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();
        folder.drop(word + "-kill.json", WireFiles.ninjs2(uri, 2, "canceled", 3, word + " ferry capsizes", "BODO",
                null));
        assertThat(site().get(path).status()).isEqualTo(410);

        // The editor: "Publish" and "Schedule" come back refused, naming the kill, with the text kept.
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        for (String action : List.of("publish", "schedule")) {
            Page refused = WireEditor.press(editor, articleId, action,
                    "headline", word + " ferry capsizes, rewritten", "scheduleAt", "2030-01-01T09:00");
            assertThat(refused.status()).as(action).isEqualTo(409);
            assertThat(refused.html().select(".form-error").text()).as(action)
                    .contains("killed").contains(word + " ferry capsizes").contains(uri).contains("wire");
            assertThat(refused.html().select("input[name=headline]").val()).isEqualTo(word
                    + " ferry capsizes, rewritten");
        }

        // The admin API: a problem naming the kill, nothing changed.
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        String token = apiToken(admin);
        for (String call : List.of("publish", "schedule")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(site().base() + "/api/v1/admin/stories/" + articleId + "/" + call))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.equals("schedule")
                            ? "{\"at\": \"2030-01-01T09:00:00Z\"}" : "")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("killed").contains(uri);
        }

        // Still withdrawn: a draft, answering 410, with only the kill's own revision after the publication.
        assertThat(bean(JdbcClient.class).sql("SELECT status FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).single()).isEqualTo("draft");
        assertThat(site().get(path).status()).isEqualTo(410);
        assertThat(bean(JdbcClient.class).sql("SELECT kind FROM article_revision WHERE article_id = :id ORDER BY id")
                .param("id", articleId).query(String.class).list()).last().isEqualTo("unpublished");
    }

    @Test
    @Timeout(60)
    default void aKillTellsTheStorysLiveReadersAndTheGonePageMayBeHeldByAFrontCache() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Lofoten" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        long articleId = publishedStoryFrom(folder, uri, word + " storm live");
        bean(LiveService.class).start(ActingAccount.SITE, articleId);
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                            URI.create(site().base() + "/live/" + articleId + "/events?after=0"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            Thread.ofVirtual().start(() -> {
                try {
                    stream.body().forEach(lines::add);
                } catch (java.io.UncheckedIOException closedByTheTest) {
                    // shutdownNow() ends the stream this way.
                }
                lines.add("(closed)");
            });

            long sent = System.nanoTime();
            folder.drop(word + "-kill.json", WireFiles.ninjs2(uri, 2, "canceled", 3, word + " storm live", "BODO",
                    null));
            String data = nextData(lines, "withdrawn");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
            assertThat(data).isEqualTo("{\"notice\":\"" + WireKills.NOTICE + "\"}");
            assertThat(rest(lines)).as("the stream ends after the withdrawal").contains("(closed)");
        } finally {
            http.shutdownNow();
        }

        // The gone page: the notice, the story's cache key (a purge by it drops a held copy), shareable by a front.
        Page gone = site().get(path);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.header("xkey")).contains("article-" + articleId);
        assertThat(gone.header("Cache-Control")).startsWith("public");
    }

    private long publishedStoryFrom(WireFolder folder, String uri, String headline) {
        folder.drop(uri.substring(uri.lastIndexOf(':') + 1) + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3,
                headline, "BODO", null));
        long itemId = bean(JdbcClient.class).sql("SELECT id FROM wire_item WHERE guid = :guid").param("guid", uri)
                .query(Long.class).single();
        Page used = NewsroomForms.as(this, "editor").post("/newsroom/wire/" + itemId + "/use");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        StoryEdits.publish(this, articleId);
        assertThat(site().get(bean(EditorialRepository.class).find(articleId).orElseThrow().path()).status())
                .isEqualTo(200);
        return articleId;
    }

    private static String apiToken(StaffSession admin) {
        var made = admin.post("/newsroom/tokens", Map.of("name", "wire-kill " + System.nanoTime(), "role", "admin"));
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        return admin.get("/newsroom/tokens").html().select("#new-token").text();
    }

    private static String nextData(BlockingQueue<String> lines, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String event = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && name.equals(event)) {
                return line.substring(5).strip();
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        throw new AssertionError("no '" + name + "' event within 5 s");
    }

    private static List<String> rest(BlockingQueue<String> lines) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline && !rest.contains("(closed)")) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                rest.add(line);
            }
        }
        return rest;
    }
}
