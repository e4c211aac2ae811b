package news.dateline.feed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.dateline.platform.Slugs;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.support.StoryEdits;
import news.dateline.support.SiteClient.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * What search engines and aggregators read, run against each database: the sitemap index and its files,
 * the Google News sitemap, robots.txt; and that no draft ever reaches any of them or any feed.
 */
interface SitemapJourneys extends FeedSite {

    @Test
    default void theSitemapIndexPointsAtFilesOfAtMostTheLimitThatValidateAgainstTheSitemapsOrgSchema() {
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        String tag = "Sitemap Tag " + System.nanoTime();
        var first = story(this, "First story for the sitemap").in("culture").tagged(tag).by("henrik-solberg")
                .publishedAt(published).write();
        var second = story(this, "Second story for the sitemap").in("science").by("priya-raman").write();

        Page index = site().get("/sitemap.xml");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).isEqualTo("application/xml;charset=UTF-8");
        SitemapSchemas.validIndex(index.body());
        List<String> files = xml(index.body()).select("sitemap > loc").eachText();

        Map<String, List<String>> byKind = new TreeMap<>();
        for (String file : files) {
            Page sitemap = site().get(FeedSite.pathOf(file));
            assertThat(sitemap.status()).as(file).isEqualTo(200);
            SitemapSchemas.validUrlset(sitemap.body());
            List<String> urls = xml(sitemap.body()).select("url > loc").eachText();
            assertThat(urls).as(file).hasSizeBetween(1, URLS_PER_FILE);
            String kind = file.replaceAll(".*/sitemaps/([a-z]+)-\\d+\\.xml", "$1");
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(urls);
        }

        assertThat(byKind).containsOnlyKeys("articles", "sections", "tags", "authors");
        List<String> articles = byKind.get("articles");
        assertThat(new HashSet<>(articles)).as("no story listed twice").hasSameSizeAs(articles);
        assertThat(articles).contains(BASE + first.path(), BASE + second.path());
        assertThat(articles.size()).as("the sample site alone needs more than one file").isGreaterThan(URLS_PER_FILE);
        assertThat(files).contains(BASE + "/sitemaps/articles-1.xml", BASE + "/sitemaps/articles-2.xml");
        int articleFiles = (articles.size() + URLS_PER_FILE - 1) / URLS_PER_FILE;
        assertThat(site().get("/sitemaps/articles-" + (articleFiles + 1) + ".xml").status()).isEqualTo(404);
        assertThat(site().get("/sitemaps/nonsense-1.xml").status()).isEqualTo(404);

        assertThat(byKind.get("sections")).startsWith(BASE + "/")
                .contains(BASE + "/world/", BASE + "/politics/", BASE + "/business/", BASE + "/science/", BASE + "/culture/");
        assertThat(byKind.get("tags")).contains(BASE + "/tag/" + Slugs.of(tag));
        assertThat(byKind.get("authors")).contains(BASE + "/author/henrik-solberg", BASE + "/author/priya-raman");

        Element entry = urlEntry(BASE + first.path());
        assertThat(Instant.parse(entry.selectFirst("lastmod").text())).isEqualTo(published);

        String valid = site().get("/sitemaps/articles-1.xml").body();
        assertThatThrownBy(() -> SitemapSchemas.validUrlset(valid.replace("<loc>", "<location>").replace("</loc>", "</location>")))
                .as("the schema catches a broken sitemap").isInstanceOf(AssertionError.class);
    }

    @Test
    default void theNewsSitemapListsOnlyStoriesFirstPublishedInTheLast48Hours() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var recent = story(this, "Rates & rents: what the rise means").in("business")
                .publishedAt(now.minus(Duration.ofHours(47))).write();
        var old = story(this, "Story from three days ago").publishedAt(now.minus(Duration.ofHours(49))).write();
        var oldButUpdated = story(this, "Old story updated today").publishedAt(now.minus(Duration.ofHours(50)))
                .updatedAt(now.minus(Duration.ofMinutes(5))).write();
        var draft = story(this, "Draft in the news window").draft().write();

        Page page = site().get("/news-sitemap.xml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("application/xml;charset=UTF-8");
        SitemapSchemas.validNewsSitemap(page.body());
        Document news = xml(page.body());
        List<String> urls = news.select("url > loc").eachText();
        assertThat(urls).contains(BASE + recent.path())
                .doesNotContain(BASE + old.path(), BASE + oldButUpdated.path(), BASE + draft.path())
                .hasSizeLessThanOrEqualTo(Sitemaps.NEWS_LIMIT);

        Element story = news.select("url").stream()
                .filter(url -> url.selectFirst("loc").text().equals(BASE + recent.path())).findFirst().orElseThrow();
        assertThat(story.selectFirst("news|publication > news|name").text()).isEqualTo("Dateline");
        assertThat(story.selectFirst("news|publication > news|language").text()).isEqualTo("en");
        assertThat(story.selectFirst("news|title").text()).isEqualTo("Rates & rents: what the rise means");
        assertThat(Instant.parse(story.selectFirst("news|publication_date").text()))
                .isEqualTo(now.minus(Duration.ofHours(47)));
        Instant windowStart = Instant.now().minus(Duration.ofHours(48));
        assertThat(news.select("news|publication_date").eachText()).allSatisfy(date ->
                assertThat(Instant.parse(date)).isAfterOrEqualTo(windowStart.minusSeconds(1)));
    }

    @Test
    default void robotsTxtPointsCrawlersAtBothSitemapsAndAwayFromTheNewsroomAndTheApi() {
        Page robots = site().get("/robots.txt");

        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /newsroom/", "Disallow: /api/",
                "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/news-sitemap.xml");
        assertThat(robots.body().lines().filter(line -> line.startsWith("Disallow:")))
                .as("readers' pages stay crawlable").containsExactly("Disallow: /newsroom/", "Disallow: /api/");
    }

    @Test
    default void aDraftNeverAppearsAnywhereAndAnUnpublishedStoryLeavesEveryFeedAndSitemap() {
        String tag = "Harbour Inquiry " + System.nanoTime();
        String tagPath = "/tag/" + Slugs.of(tag);
        var draft = story(this, "Draft harbour inquiry findings").in("science").tagged(tag).by("mei-lin-zhao").draft().write();
        var published = story(this, "Harbour inquiry opens").in("science").tagged(tag).by("mei-lin-zhao").write();
        List<String> feeds = new ArrayList<>();
        for (String scope : List.of("", "/science", tagPath, "/author/mei-lin-zhao")) {
            feeds.addAll(List.of(scope + "/feed", scope + "/feed/atom", scope + "/feed.json"));
        }

        Map<String, String> everything = distribution(feeds);
        assertThat(everything).allSatisfy((path, body) -> assertThat(body).as(path)
                .doesNotContain(draft.path(), draft.headline()));
        assertThat(feeds).allSatisfy(feed -> assertThat(everything.get(feed)).as(feed).contains(published.path()));
        assertThat(everything.entrySet().stream().filter(e -> e.getKey().startsWith("/sitemaps/articles")))
                .anySatisfy(e -> assertThat(e.getValue()).contains(BASE + published.path()));
        assertThat(everything.get("/news-sitemap.xml")).contains(BASE + published.path());
        assertThat(String.join("\n", everything.values())).contains("<loc>" + BASE + tagPath + "</loc>");

        StoryEdits.unpublish(this, published.id());

        Map<String, String> afterwards = distribution(feeds);
        assertThat(afterwards).allSatisfy((path, body) -> assertThat(body).as(path)
                .doesNotContain(published.path(), published.headline(), draft.path()));
        assertThat(afterwards).as("a tag whose stories are all unpublished has no feed")
                .doesNotContainKeys(tagPath + "/feed", tagPath + "/feed/atom", tagPath + "/feed.json");
        for (String format : List.of("/feed", "/feed/atom", "/feed.json")) {
            assertThat(site().get(tagPath + format).status()).isEqualTo(404);
        }
        assertThat(String.join("\n", afterwards.values())).as("nor a sitemap entry")
                .doesNotContain("<loc>" + BASE + tagPath + "</loc>");
    }

    /** Every feed given and every sitemap reachable from the index, plus the news sitemap, by path; 404s left out. */
    private Map<String, String> distribution(List<String> feeds) {
        Map<String, String> bodies = new TreeMap<>();
        for (String feed : feeds) {
            Page page = site().get(feed);
            if (page.status() != 404) {
                assertThat(page.status()).as(feed).isEqualTo(200);
                bodies.put(feed, page.body());
            }
        }
        String index = site().get("/sitemap.xml").body();
        bodies.put("/sitemap.xml", index);
        for (String file : xml(index).select("sitemap > loc").eachText()) {
            String path = FeedSite.pathOf(file);
            bodies.put(path, site().get(path).body());
        }
        bodies.put("/news-sitemap.xml", site().get("/news-sitemap.xml").body());
        return bodies;
    }

    /** The {@code <url>} of a story, looked for in every article sitemap. */
    private Element urlEntry(String url) {
        for (String file : xml(site().get("/sitemap.xml").body()).select("sitemap > loc").eachText()) {
            for (Element entry : xml(site().get(FeedSite.pathOf(file)).body()).select("url")) {
                if (entry.selectFirst("loc").text().equals(url)) {
                    return entry;
                }
            }
        }
        throw new AssertionError(url + " is in no sitemap");
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }
}
