package news.dateline.live;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Live coverage, from the newsroom's live page to readers' article pages and open event streams. */
interface LiveJourneys extends RunningSite {

    /** Issue 14: a page cached before coverage started asks this state, so it must change at once on start. */
    @Test
    default void aPageThatIsNotLiveAsksACachedStateThatTurnsLiveWhenCoverageStarts() {
        Written story = story(this, "Harbour wall holds as the tide turns").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";

        Document before = site().get(story.path()).html();
        String probe = "/live/" + story.id() + "/state";
        assertThat(before.select(".live-blog[hidden]").attr("data-probe")).isEqualTo(probe);
        assertThat(before.select(".live-blog[hidden] script[src]").attr("src")).startsWith("/assets/live");
        Page off = site().get(probe);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.header("Content-Type")).startsWith("application/json");
        assertThat(off.body()).isEqualTo("{\"live\":false}");
        assertThat(off.header("Cache-Control")).contains("public");
        // Revalidating, as the page's script does, costs a 304.
        assertThat(site().get(probe, "If-None-Match", off.header("ETag")).status()).isEqualTo(304);

        assertThat(editor.post(desk + "/start").status()).isEqualTo(303);
        assertThat(site().get(probe, "If-None-Match", off.header("ETag")).body())
                .isEqualTo("{\"live\":true,\"stream\":\"/live/" + story.id() + "/events\"}");
        Document live = site().get(story.path()).html();
        assertThat(live.select(".live-blog").hasAttr("data-probe")).isFalse();
        assertThat(live.select(".live-blog").hasAttr("hidden")).isFalse();

        assertThat(editor.post(desk + "/end").status()).isEqualTo(303);
        assertThat(site().get(probe).body()).isEqualTo("{\"live\":false}");
        // An ended page asks too, in case coverage starts again.
        assertThat(site().get(story.path()).html().select(".live-blog").attr("data-probe")).isEqualTo(probe);
        assertThat(site().get("/live/999999/state").status()).isEqualTo(404);
    }

    /**
     * Issue 19.4: a live story changes with each entry, and whoever reads "when did this change" must see it:
     * the LiveBlogPosting's dateModified, the Atom entry's updated, JSON Feed's date_modified, the sitemap's lastmod.
     */
    @Test
    default void aNewEntryIsWhenTheStoryLastChangedInItsMetadataFeedsAndSitemap() {
        Written story = story(this, "Wildfire crosses the ridge road").in("world").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";
        assertThat(editor.post(desk + "/start").status()).isEqualTo(303);
        String before = dateModified(story);

        bean(news.dateline.support.MovableClock.class).advance(Duration.ofMinutes(7));
        assertThat(editor.post(desk + "/entries", "body", "Crews pull back to the river.").status()).isEqualTo(303);

        Document page = site().get(story.path()).html();
        java.time.Instant entryAt = java.time.Instant.parse(page.select(".live-entries > li time").attr("datetime"));
        assertThat(dateModified(story)).isNotEqualTo(before);
        assertThat(seconds(dateModified(story))).as("LiveBlogPosting dateModified").isEqualTo(seconds(entryAt));
        assertThat(seconds(page.select("meta[property=article:modified_time]").attr("content")))
                .as("article:modified_time").isEqualTo(seconds(entryAt));

        Document atom = org.jsoup.Jsoup.parse(site().get("/feed/atom").body(), "", org.jsoup.parser.Parser.xmlParser());
        Element atomEntry = atom.select("entry").stream()
                .filter(e -> e.select("title").text().equals(story.headline())).findFirst().orElseThrow();
        assertThat(seconds(atomEntry.select("updated").text())).as("Atom entry updated").isEqualTo(seconds(entryAt));
        assertThat(seconds(atom.selectFirst("feed > updated").text())).as("Atom feed updated")
                .isGreaterThanOrEqualTo(seconds(entryAt));

        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(site().get("/feed.json").body());
        var item = json.get("items").valueStream()
                .filter(i -> i.get("title").asString().equals(story.headline())).findFirst().orElseThrow();
        assertThat(seconds(item.get("date_modified").asString())).as("JSON Feed date_modified")
                .isEqualTo(seconds(entryAt));

        assertThat(seconds(sitemapLastmod(story.path()))).as("sitemap lastmod").isEqualTo(seconds(entryAt));
    }

    /**
     * An entry's JSON-LD headline is its words, not its Markdown: no list dashes, link text without the address,
     * the first sentence only, at most 110 characters.
     */
    @Test
    default void anEntrysHeadlineInJsonLdIsItsFirstSentenceAsPlainText() {
        Written story = story(this, "Evacuation flights from the valley").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";
        assertThat(editor.post(desk + "/start").status()).isEqualTo(303);
        assertThat(editor.post(desk + "/entries", "body", """
                Helicopters now flying, an [AFP report](https://www.afp.com/) says. More follow at dawn.

                - Chinooks
                - Black Hawks""").status()).isEqualTo(303);
        assertThat(editor.post(desk + "/entries", "body", "- Chinooks\n- Black Hawks").status()).isEqualTo(303);
        assertThat(editor.post(desk + "/entries", "body", "**" + "Very long words without a stop ".repeat(8).strip() + "**")
                .status()).isEqualTo(303);

        String script = site().get(story.path()).html().select("script[type=application/ld+json]").html();
        var updates = tools.jackson.databind.json.JsonMapper.builder().build().readTree(script).get("liveBlogUpdate");
        List<String> headlines = updates.valueStream().map(u -> u.get("headline").asString()).toList();
        assertThat(headlines).hasSize(3);
        assertThat(headlines.get(2)).isEqualTo("Helicopters now flying, an AFP report says.");
        assertThat(headlines.get(1)).isEqualTo("Chinooks, Black Hawks");
        assertThat(headlines.get(0)).doesNotContain("*").startsWith("Very long words without a stop Very")
                .endsWith("…");
        assertThat(headlines.get(0).codePointCount(0, headlines.get(0).length())).isLessThanOrEqualTo(110);
    }

    private String dateModified(Written story) {
        String script = site().get(story.path()).html().select("script[type=application/ld+json]").html();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(script).get("dateModified").asString();
    }

    private static long seconds(String iso) {
        return java.time.OffsetDateTime.parse(iso).toInstant().getEpochSecond();
    }

    private static long seconds(java.time.Instant at) {
        return at.getEpochSecond();
    }

    private String sitemapLastmod(String path) {
        var parser = org.jsoup.parser.Parser.xmlParser();
        for (String file : org.jsoup.Jsoup.parse(site().get("/sitemap.xml").body(), "", parser)
                .select("sitemap > loc").eachText()) {
            if (!file.contains("/sitemaps/articles-")) {
                continue;
            }
            for (Element url : org.jsoup.Jsoup.parse(site().get(URI.create(file).getPath()).body(), "", parser)
                    .select("url")) {
                if (url.select("loc").text().endsWith(path)) {
                    return url.select("lastmod").text();
                }
            }
        }
        throw new AssertionError(path + " is in no sitemap");
    }

    @Test
    default void editorStartsLiveCoverageAndReadersSeeEntriesNewestFirst() {
        Written story = story(this, "Flood crest reaches the city").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";

        assertThat(site().get(story.path()).html().select(".live-badge, .live-blog:not([hidden])")).isEmpty();
        assertThat(editor.get(desk).html().select("main").text()).contains("This story is not live.");

        Page started = editor.post(desk + "/start");
        assertThat(started.status()).isEqualTo(303);
        assertThat(started.header("Location")).endsWith(desk + "?done=started");
        // The reader page was cached before: starting must show the badge at once.
        Document live = site().get(story.path()).html();
        assertThat(live.select(".live-badge").text()).isEqualTo("Live");
        assertThat(live.select(".live-empty").text()).isEqualTo("No updates yet.");

        assertThat(editor.post(desk + "/entries", "body", "Water is over the quay wall.").status()).isEqualTo(303);
        assertThat(editor.post(desk + "/entries", "body", "**Evacuation ordered** for the old town <script>alert(1)</script>",
                "keyEvent", "true").status()).isEqualTo(303);

        Document page = site().get(story.path()).html();
        List<Element> entries = page.select(".live-entries > li");
        assertThat(entries).extracting(Element::text).hasSize(2);
        assertThat(entries.get(0).select(".live-entry-body").text())
                .isEqualTo("Evacuation ordered for the old town <script>alert(1)</script>");
        assertThat(entries.get(0).select(".live-entry-body strong").text()).isEqualTo("Evacuation ordered");
        assertThat(page.select(".live-blog script:not([src])")).isEmpty();
        assertThat(entries.get(0).hasClass("key-event")).isTrue();
        assertThat(entries.get(1).select(".live-entry-body").text()).isEqualTo("Water is over the quay wall.");
        assertThat(entries.get(0).select("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        // Key events link to their entry's anchor.
        String anchor = entries.get(0).id();
        assertThat(page.select(".live-key-list a").attr("href")).isEqualTo("#" + anchor);
        assertThat(page.select(".live-key-list").text()).contains("Evacuation ordered for the old town");
        assertThat(page.select(".live-blog").attr("data-stream")).isEqualTo("/live/" + story.id() + "/events");
        assertThat(page.select(".live-blog script[src]").attr("src")).startsWith("/assets/live");
        String jsonLd = page.select("script[type=application/ld+json]").html();
        assertThat(jsonLd).contains("\"@type\":\"LiveBlogPosting\"", "\"coverageStartTime\"", "\"liveBlogUpdate\"",
                "#" + anchor + "\"");

        // A mistake keeps the text and names the problem; nothing is stored.
        String tooLong = "x".repeat(2_001);
        Page refused = editor.post(desk + "/entries", "body", tooLong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#live-body-error").text())
                .isEqualTo("Please keep a live entry to 2,000 characters (it has 2,001).");
        assertThat(refused.html().select("#live-body").text()).isEqualTo(tooLong);
        Page empty = editor.post(desk + "/entries", "body", "   ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#live-body-error").text()).isEqualTo("Write something before posting: the entry is empty.");
        assertThat(site().get(story.path()).html().select(".live-entries > li")).hasSize(2);

        // Edit and delete; the reader sees both at once.
        long first = Long.parseLong(entries.get(1).attr("data-entry-id"));
        assertThat(editor.post(desk + "/entries/" + first, "body", "Water is over the quay wall and rising.").status())
                .isEqualTo(303);
        assertThat(site().get(story.path()).html().select("#live-" + first + " .live-entry-body").text())
                .isEqualTo("Water is over the quay wall and rising.");
        assertThat(editor.post(desk + "/entries/" + first + "/delete").status()).isEqualTo(303);
        assertThat(site().get(story.path()).html().select(".live-entries > li")).hasSize(1);
        // Deleted, but not lost.
        assertThat(bean(JdbcClient.class).sql("SELECT body FROM live_entry WHERE id = :id").param("id", first)
                .query(String.class).single()).isEqualTo("Water is over the quay wall and rising.");

        assertThat(editor.post(desk + "/end").status()).isEqualTo(303);
        Document ended = site().get(story.path()).html();
        assertThat(ended.select(".live-badge")).isEmpty();
        assertThat(ended.select(".live-ended").text()).startsWith("Live coverage ended");
        assertThat(ended.select(".live-entries > li")).hasSize(1);
        assertThat(ended.select(".live-blog").hasAttr("data-stream")).isFalse();
    }

    @Test
    default void contributorCannotAddLiveEntries() {
        Written story = story(this, "Budget vote tonight").write();
        String desk = "/newsroom/articles/" + story.id() + "/live";
        assertThat(NewsroomForms.as(this, "editor").post(desk + "/start").status()).isEqualTo(303);

        NewsroomForms contributor = NewsroomForms.as(this, "contributor");
        Page refused = contributor.post(desk + "/entries", "body", "Contributor's scoop");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select(".notice.problem").text())
                .contains("Only editors, and authors on their own stories");
        assertThat(contributor.post(desk + "/end").status()).isEqualTo(403);
        assertThat(contributor.get(desk).html().select("form.live-form")).isEmpty();

        // An author whose byline is not on the story may not either; once it is, they may.
        NewsroomForms author = NewsroomForms.as(this, "author");
        assertThat(author.post(desk + "/entries", "body", "Author's note").status()).isEqualTo(403);
        // Without the CSRF token nothing happens, whoever sends it.
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        assertThat(editor.postWithoutCsrf(desk + "/entries", "body", "Forged").status()).isEqualTo(403);
        assertThat(entriesOf(story.id())).isZero();

        JdbcClient jdbc = bean(JdbcClient.class);
        jdbc.sql("""
                        UPDATE account SET author_id = (SELECT author_id FROM article_author WHERE article_id = :article)
                        WHERE username = :username""")
                .param("article", story.id()).param("username", author.username).update();
        assertThat(author.post(desk + "/entries", "body", "Author's note").status()).isEqualTo(303);
        assertThat(entriesOf(story.id())).isEqualTo(1);
        assertThat(site().get(story.path()).html().select(".live-entries").text()).contains("Author's note");
    }

    @Test
    @Timeout(60)
    default void sseStreamDeliversANewEntry() throws Exception {
        Written story = story(this, "Election night results").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";
        editor.post(desk + "/start");
        editor.post(desk + "/entries", "body", "Polls have closed.");
        String stream = site().base() + "/live/" + story.id() + "/events";

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(stream + "?after=0"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            follow(response, lines);

            // What the page missed comes first: the entry posted before connecting.
            assertThat(nextData(lines, "entry")).contains("Polls have closed.");

            long before = System.nanoTime();
            editor.post(desk + "/entries", "body", "First seat declared: <b>Marlow Reach</b>", "keyEvent", "true");
            String data = nextData(lines, "entry");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
            assertThat(data).contains("First seat declared: &lt;b&gt;Marlow Reach")
                    .doesNotContain("<b>Marlow");
            assertThat(data).contains("\"keyHtml\":\"<li");

            // Ending coverage tells the open page, and a new connection is told there is nothing more (204).
            editor.post(desk + "/end");
            assertThat(nextData(lines, "ended")).isEqualTo("{}");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(stream)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        } finally {
            // close() would wait for the open stream to end; a failed assertion must not hang the build.
            http.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    default void aReconnectingReaderGetsOnlyWhatItMissed() throws Exception {
        Written story = story(this, "Storm track shifts east").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";
        editor.post(desk + "/start");
        editor.post(desk + "/entries", "body", "Seen before the drop.");
        long seen = Long.parseLong(site().get(story.path()).html().select(".live-entries > li").attr("data-entry-id"));
        editor.post(desk + "/entries", "body", "Missed while away.");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                            URI.create(site().base() + "/live/" + story.id() + "/events"))
                    .header("Last-Event-ID", Long.toString(seen)).GET().build(), HttpResponse.BodyHandlers.ofLines());
            follow(response, lines);
            assertThat(nextData(lines, "entry")).contains("Missed while away.").doesNotContain("Seen before");
            // Nothing else was replayed: the next data on the stream is an entry posted after it arrived.
            editor.post(desk + "/entries", "body", "Posted after the reconnect.");
            assertThat(linesBeforeData(lines, "Posted after the reconnect.")).noneMatch(line -> line.startsWith("data:"));
        } finally {
            http.shutdownNow();
        }
        // A draft's stream does not exist for readers.
        Written draft = story(this, "Embargoed").draft().write();
        assertThat(site().get("/live/" + draft.id() + "/events").status()).isEqualTo(404);
    }

    /** Reads the stream's lines in the background until the client is shut down. */
    private static void follow(HttpResponse<Stream<String>> response, BlockingQueue<String> lines) {
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // shutdownNow() at the end of the test ends the stream this way.
            }
        });
    }

    private int entriesOf(long articleId) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM live_entry WHERE article_id = :id")
                .param("id", articleId).query(Integer.class).single();
    }

    /** The lines that came before the first data line holding {@code text}; fails after 5 seconds without one. */
    private static List<String> linesBeforeData(BlockingQueue<String> lines, String text) throws InterruptedException {
        List<String> before = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("data:") && line.contains(text)) {
                return before;
            }
            before.add(line);
        }
        throw new AssertionError("No data with '" + text + "' within 5 seconds; before it came " + before);
    }

    /** The data of the next event named {@code name}, skipping others; fails after 5 seconds. */
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
        throw new AssertionError("No '" + name + "' event within 5 seconds");
    }
}
