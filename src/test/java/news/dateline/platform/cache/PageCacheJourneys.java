package news.dateline.platform.cache;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import java.util.ArrayList;
import java.util.List;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RawHttp;
import news.dateline.support.RunningSite;
import news.dateline.support.StoryEdits;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SiteClient;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;

/** Anonymous readers get cached pages; they never get a stale one after a change commits. */
interface PageCacheJourneys extends RunningSite {

    /** Issue 14: a front cache (Varnish xkey, Fastly, Cloudflare) purges by these keys, so each answer names them. */
    @Test
    default void everyCachedAnswerNamesWhatItShowsForFrontCaches() {
        var article = story(this, "Ossel floodgates closed for the night").in("world").by("amara-osei")
                .tagged("Ossel").write();
        String expected = "article-" + article.id() + " section-world tag-ossel author-amara-osei";
        for (int i = 0; i < 2; i++) { // rendered, then replayed from the page cache
            Page page = site().get(article.path());
            assertThat(page.header("xkey")).isEqualTo(expected);
            assertThat(page.header("Surrogate-Key")).isEqualTo(expected);
            assertThat(page.header("Cache-Tag")).isEqualTo(expected.replace(' ', ','));
        }
        assertThat(site().get("/").header("xkey")).isEqualTo("home front"); // front: what the editors choose shows there
        assertThat(site().get("/world/").header("xkey")).isEqualTo("section-world front");
        assertThat(site().get("/tag/ossel").header("xkey")).isEqualTo("tag-ossel");
        assertThat(site().get("/author/amara-osei").header("xkey")).isEqualTo("author-amara-osei");
        assertThat(site().get("/feed").header("Cache-Tag")).isEqualTo("feeds");
        assertThat(site().get("/world/feed/atom").header("xkey")).isEqualTo("feeds");
        assertThat(site().get("/sitemap.xml").header("xkey")).isEqualTo("feeds");
        assertThat(site().get("/live/" + article.id() + "/state").header("xkey")).isEqualTo("article-" + article.id());
    }

    /**
     * Issue 20: a hit is answered by the first filter of all, from a header block built when the page was stored; the
     * reader gets the same bytes as from the render, and as from the hit the rest of the chain answers (a tracking
     * parameter sends it there): plain, gzip, HEAD and 304 alike. The render alone says {@code Content-Language},
     * copied from the reader's own {@code Accept-Language}, which no hit ever repeated to the next reader.
     */
    @Test
    default void aHitSendsTheRendersHeadersAndBodyWhicheverFilterAnswersIt() {
        var article = story(this, "Story whose hit matches its render").write();
        RawHttp raw = RawHttp.of(this);
        RawHttp.Answer render = raw.get(article.path());
        assertThat(render.header("X-Cache")).as("the first answer is the render").isNull();
        String etag = render.header("ETag");

        for (String[] asked : new String[][] {{"GET"}, {"GET", "Accept-Encoding: gzip"}, {"HEAD"},
                {"GET", "If-None-Match: " + etag}, {"HEAD", "Accept-Encoding: gzip, deflate"}}) {
            List<String> lines = List.of(asked).subList(1, asked.length);
            RawHttp.Answer first = raw.send(asked[0], article.path(), lines, new byte[0]);
            RawHttp.Answer chained = raw.send(asked[0], article.path() + "?utm_source=feed", lines, new byte[0]);
            String what = String.join(" ", asked);
            assertThat(first.header("X-Cache")).as(what).isEqualTo("hit");
            assertThat(sent(first)).as(what).isEqualTo(sent(chained));
            assertThat(first.status()).as(what).isEqualTo(chained.status());
            assertThat(first.body()).as(what).isEqualTo(chained.body());
        }
        RawHttp.Answer hit = raw.get(article.path());
        List<String> rendered = new ArrayList<>(sent(render));
        rendered.removeIf(line -> line.startsWith("content-language:"));
        rendered.addFirst("x-cache: hit");
        assertThat(sent(hit)).isEqualTo(rendered);
        assertThat(hit.body()).isEqualTo(render.body());
        assertThat(hit.headerLines()).contains("content-security-policy: " + news.dateline.edge.SecurityHeaders
                .CONTENT_SECURITY_POLICY, "x-frame-options: DENY", "x-content-type-options: nosniff");
    }

    /** Every header line as sent, but the date (a second may pass between two answers). */
    private static List<String> sent(RawHttp.Answer answer) {
        return answer.headerLines().stream().filter(line -> !line.startsWith("date:")).toList();
    }

    @Test
    default void cachedHomePageShowsAStoryRightAfterItIsPublished() {
        Page before = site().get("/");
        assertThat(site().get("/").header("ETag")).as("served from the cache").isEqualTo(before.header("ETag"));

        var fresh = story(this, "Breaking: published while the home page sat in the cache").write();

        Page after = site().get("/");
        assertThat(after.html().select(".lead h2 a").text()).isEqualTo(fresh.headline());
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    @Test
    default void cachedArticleAndListingsDropAStoryRightAfterItIsUnpublished() {
        var article = story(this, "Story pulled by the desk after a legal warning").in("science").write();
        assertThat(site().get(article.path()).status()).isEqualTo(200);
        assertThat(site().get(article.path()).status()).isEqualTo(200);
        assertThat(site().get("/science/").body()).contains(article.headline());

        StoryEdits.unpublish(this, article.id());

        assertThat(site().get(article.path()).status()).isEqualTo(404);
        assertThat(site().get("/science/").body()).doesNotContain(article.headline());
        assertThat(site().get("/").body()).doesNotContain(article.headline());
    }

    @Test
    default void cachedArticleMovesRightAfterItsSlugChanges() {
        var article = story(this, "Story whose address changes while cached").write();
        site().get(article.path());

        StoryEdits.changeSlug(this, article.id(), "moved-" + article.id());

        Page old = site().get(article.path());
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/world/moved-" + article.id());
    }

    @Test
    default void unchangedPageAnswersNotModifiedToItsETag() {
        var article = story(this, "Story a browser already holds").write();
        Page first = site().get(article.path());
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.header("Cache-Control")).contains("public", "s-maxage=", "stale-while-revalidate=");
        assertThat(first.header("Last-Modified")).isNotBlank();
        assertThat(first.header("Content-Security-Policy")).contains("script-src 'self'");

        Page revalidated = site().get(article.path(), "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();

        Page byDate = site().get(article.path(), "If-Modified-Since", first.header("Last-Modified"));
        assertThat(byDate.status()).isEqualTo(304);

        assertThat(site().get(article.path(), "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
    }

    @Test
    default void readersAskingForGzipGetTheSamePageCompressed() throws IOException, InterruptedException {
        var article = story(this, "Story sent compressed").write();
        String plain = site().get(article.path()).body();

        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(site().base() + article.path()))
                        .header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    /**
     * A live entry arrives every few seconds during a breaking story: it drops its own story's page and the feeds
     * and sitemaps that show the story's update time, and every other story's page stays cached.
     */
    @Test
    default void aLiveEntryDropsItsStoryAndTheFeedsButOtherStoriesStayCached() {
        var live = story(this, "Ridge fire: live updates from the valley").write();
        var other = story(this, "Library reopens after the summer works").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + live.id() + "/live";
        assertThat(editor.post(desk + "/start").status()).isEqualTo(303);
        site().get(other.path());
        site().get("/feed/atom");
        site().get(live.path());
        assertThat(site().get(other.path()).header("X-Cache")).as("cached before the entry").isEqualTo("hit");
        assertThat(site().get("/feed/atom").header("X-Cache")).as("cached before the entry").isEqualTo("hit");

        assertThat(editor.post(desk + "/entries", "body", "Crews hold the line at the river.").status())
                .isEqualTo(303);

        assertThat(site().get(other.path()).header("X-Cache")).as("another story's page").isEqualTo("hit");
        Page own = site().get(live.path());
        assertThat(own.header("X-Cache")).as("the live story's page").isNull();
        assertThat(own.html().text()).contains("Crews hold the line at the river.");
        assertThat(site().get("/feed/atom").header("X-Cache")).as("the feed shows the update time").isNull();
    }

    @Test
    default void madeUpCookiesGetTheCachedArticle() {
        var article = story(this, "Story read with made-up cookies").write();
        Page first = site().get(article.path());
        for (String cookie : new String[] {"JSESSIONID=x", "dateline_pending=" + "A".repeat(24),
                "dateline_commenter=x; dateline_other=1"}) {
            Page bogus = site().get(article.path(), "Cookie", cookie);
            assertThat(bogus.header("X-Cache")).as(cookie).isEqualTo("hit");
            assertThat(bogus.header("ETag")).as(cookie).isEqualTo(first.header("ETag"));
            assertThat(bogus.header("Cache-Control")).as(cookie).startsWith("public");
        }
    }

    @Test
    default void aSectionPagePastTheLastIsA404AndTakesNoRoomInTheCache() {
        site().get("/world/");
        site().get("/");
        long entries = bean(PageCache.class).size();
        for (int page = 50; page < 90; page++) {
            assertThat(site().get("/world/?page=" + page).status()).as("page " + page).isEqualTo(404);
        }
        assertThat(site().get("/?page=7").header("X-Cache")).as("the home page has one page").isEqualTo("hit");
        assertThat(bean(PageCache.class).size()).isEqualTo(entries);
    }

    @Test
    default void signedInEditorNeverGetsACachedPage() {
        String username = TestAccounts.create(this, "editor");
        site().get("/");
        SiteClient editor = site().signIn(username, TestAccounts.PASSWORD);

        Page home = editor.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(home.header("ETag")).isNull();
    }

    @Test
    default void healthIsNeverServedFromTheCache() {
        site().get("/actuator/health");

        Page again = site().get("/actuator/health");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isNull();
        assertThat(again.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    default void newsroomAndActuatorAreNeverStoredEvenForAnonymousVisitors() {
        for (String path : new String[] {"/newsroom/login", "/newsroom/", "/actuator/info"}) {
            site().get(path);

            Page again = site().get(path);

            assertThat(again.header("ETag")).as(path).isNull();
            assertThat(again.header("Cache-Control")).as(path).isEqualTo("private, no-store");
        }
    }
}
