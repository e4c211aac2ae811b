package news.dateline.feed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.Slugs;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.support.StoryEdits;
import news.dateline.support.SiteClient.Page;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What feed readers get, run against each database (see the classes implementing this): RSS, Atom and
 * JSON Feed for the site and every section, tag and author, read back with real parsers.
 */
interface FeedJourneys extends FeedSite {

    @Test
    default void aNewStoryReachesFeedReadersInFullInAllThreeFormats() throws Exception {
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        Instant updated = published.plus(Duration.ofMinutes(20));
        var written = story(this, "Harbour ferries resume after storm")
                .standfirst("Crossings restart at dawn; timetables stay thin & slow.")
                .body("""
                        The first boat left at six.

                        ## What changes

                        Fewer sailings until Friday.""")
                .dateline("PORT HALVIK").by("amara-osei", "lukas-brandt").tagged("Ferries", "Storms")
                .publishedAt(published).updatedAt(updated).write();
        String url = BASE + written.path();
        String pageBody = site().get(written.path()).html().selectFirst(".story-body").html();

        Page rssPage = site().get("/feed");
        assertThat(rssPage.status()).isEqualTo(200);
        assertThat(rssPage.header("Content-Type")).isEqualTo("application/rss+xml;charset=UTF-8");
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(rssPage.body()));
        assertThat(rss.getTitle()).isEqualTo("Dateline");
        assertThat(rss.getLink()).isEqualTo(BASE + "/");
        Item item = rss.getItems().stream().filter(i -> url.equals(i.getLink())).findFirst().orElseThrow();
        assertThat(item.getTitle()).isEqualTo(written.headline());
        assertThat(item.getDescription().getValue())
                .isEqualTo("Crossings restart at dawn; timetables stay thin &amp; slow.");
        assertThat(sameHtml(item.getContent().getValue(), pageBody)).isTrue();
        assertThat(item.getContent().getValue()).startsWith("<p><span class=\"dateline\">PORT HALVIK —</span>");
        assertThat(item.getPubDate().toInstant()).isEqualTo(published);
        assertThat(((DCModule) item.getModule(DCModule.URI)).getCreators()).containsExactly("Amara Osei", "Lukas Brandt");
        assertThat(item.getCategories()).extracting(c -> c.getValue()).containsExactly("World", "Ferries", "Storms");
        assertThat(item.getGuid().isPermaLink()).isFalse();

        Page atomPage = site().get("/feed/atom");
        assertThat(atomPage.header("Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
        var atom = (com.rometools.rome.feed.atom.Feed) new WireFeedInput().build(new StringReader(atomPage.body()));
        Entry entry = atom.getEntries().stream()
                .filter(e -> url.equals(e.getAlternateLinks().getFirst().getHref())).findFirst().orElseThrow();
        assertThat(entry.getTitle()).isEqualTo(written.headline());
        assertThat(entry.getPublished().toInstant()).isEqualTo(published);
        assertThat(entry.getUpdated().toInstant()).as("an updated story carries its update time").isEqualTo(updated);
        assertThat(entry.getId()).isEqualTo(item.getGuid().getValue());
        assertThat(entry.getAuthors()).extracting(a -> a.getName(), a -> a.getUri())
                .containsExactly(tuple("Amara Osei", BASE + "/author/amara-osei"),
                        tuple("Lukas Brandt", BASE + "/author/lukas-brandt"));
        assertThat(sameHtml(entry.getContents().getFirst().getValue(), pageBody)).isTrue();
        assertThat(entry.getSummary().getValue()).isEqualTo("Crossings restart at dawn; timetables stay thin & slow.");

        Page jsonPage = site().get("/feed.json");
        assertThat(jsonPage.header("Content-Type")).isEqualTo("application/feed+json;charset=UTF-8");
        JsonNode json = JsonMapper.builder().build().readTree(jsonPage.body());
        assertThat(json.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("feed_url").asString()).isEqualTo(BASE + "/feed.json");
        JsonNode jsonItem = itemWithUrl(json, url);
        assertThat(jsonItem.get("id").asString()).isEqualTo(entry.getId());
        assertThat(sameHtml(jsonItem.get("content_html").asString(), pageBody)).isTrue();
        assertThat(Instant.parse(jsonItem.get("date_published").asString())).isEqualTo(published);
        assertThat(Instant.parse(jsonItem.get("date_modified").asString())).isEqualTo(updated);
    }

    @Test
    default void sectionTagAndAuthorFeedsCarryOnlyTheirOwnStories() throws Exception {
        String tag = "Glacier Survey " + System.nanoTime();
        var science = story(this, "Glacier survey finds faster melt").in("science").tagged(tag).by("priya-raman").write();
        var culture = story(this, "Glacier photographs go on show").in("culture").tagged(tag).by("henrik-solberg").write();
        var untagged = story(this, "Unrelated science story").in("science").by("priya-raman").write();
        String tagPath = "/tag/" + Slugs.of(tag);

        for (String format : List.of("/feed", "/feed/atom", "/feed.json")) {
            List<String> inScience = links("/science" + format);
            assertThat(inScience).as("/science" + format).contains(BASE + science.path(), BASE + untagged.path())
                    .doesNotContain(BASE + culture.path()).allMatch(link -> link.startsWith(BASE + "/science/"));

            assertThat(links(tagPath + format)).as(tagPath + format)
                    .containsExactly(BASE + culture.path(), BASE + science.path());

            List<String> byHenrik = links("/author/henrik-solberg" + format);
            assertThat(byHenrik).as(format).contains(BASE + culture.path())
                    .doesNotContain(BASE + science.path(), BASE + untagged.path());
        }
        Channel section = (Channel) new WireFeedInput().build(new StringReader(site().get("/science/feed").body()));
        assertThat(section.getTitle()).isEqualTo("Science — Dateline");
        assertThat(section.getLink()).isEqualTo(BASE + "/science/");

        for (String missing : List.of("/no-such-section/feed", "/tag/no-such-tag/feed.json", "/author/nobody/feed/atom")) {
            assertThat(site().get(missing).status()).as(missing).isEqualTo(404);
        }
    }

    @Test
    default void feedsAnswerConditionalRequestsWith304UntilTheirStoriesChange() throws Exception {
        story(this, "Story that gives the politics feed a version").in("politics").write();
        Page first = site().get("/world/feed");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("public", "max-age=");

        HttpResponse<String> unchanged = get("/world/feed", "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(get("/world/feed", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        String politicsEtag = site().get("/politics/feed.json").header("ETag");

        var fresh = story(this, "World story that changes the world feed").write();
        HttpResponse<String> changed = get("/world/feed", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains(BASE + fresh.path());
        String afterPublishing = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(afterPublishing).isNotEqualTo(etag);
        assertThat(get("/politics/feed.json", "If-None-Match", politicsEtag).statusCode())
                .as("a world story does not change the politics feed").isEqualTo(304);

        StoryEdits.unpublish(this, fresh.id());
        HttpResponse<String> unpublished = get("/world/feed", "If-None-Match", afterPublishing);
        assertThat(unpublished.statusCode()).isEqualTo(200);
        assertThat(unpublished.body()).doesNotContain(fresh.path());

        Page sitemap = site().get("/sitemap.xml");
        assertThat(get("/sitemap.xml", "If-None-Match", sitemap.header("ETag")).statusCode()).isEqualTo(304);
        Page news = site().get("/news-sitemap.xml");
        assertThat(get("/news-sitemap.xml", "If-None-Match", news.header("ETag")).statusCode()).isEqualTo(304);
    }

    @Test
    default void publishingMovingAndUnpublishingAStoryPingTheWebSubHubWhichTheFeedsAdvertise() throws Exception {
        HubStub hub = HubStub.get();
        List<String> shared = new ArrayList<>();
        for (String scope : List.of("", "/business", "/author/ines-carvalho")) {
            shared.addAll(List.of(BASE + scope + "/feed", BASE + scope + "/feed/atom", BASE + scope + "/feed.json"));
        }
        Map<String, Integer> before = new HashMap<>();
        shared.forEach(topic -> before.put(topic, hub.pingsFor(topic).size()));
        String draftTag = "Embargoed " + System.nanoTime();
        story(this, "Embargoed draft").tagged(draftTag).draft().write();
        String tag = "Tram Strike " + System.nanoTime();
        var written = story(this, "Tram drivers vote to strike").in("business").tagged(tag).by("ines-carvalho").write();
        String tagFeed = BASE + "/tag/" + Slugs.of(tag) + "/feed";

        List<HubStub.Ping> pings = hub.await(List.of(tagFeed, tagFeed + "/atom", tagFeed + ".json"), Duration.ofSeconds(10));
        assertThat(pings).extracting(HubStub.Ping::url).containsExactlyInAnyOrder(tagFeed, tagFeed + "/atom", tagFeed + ".json");
        assertThat(pings).allSatisfy(ping -> {
            assertThat(ping.mode()).isEqualTo("publish");
            assertThat(ping.contentType()).startsWith("application/x-www-form-urlencoded");
        });
        for (String topic : shared) {
            assertThat(hub.await(topic, before.get(topic) + 1, Duration.ofSeconds(10))).as(topic).isTrue();
        }
        // The draft's change was handed to the executor as it was written: once every task handed over so far has
        // run, a ping about the draft would have reached the hub.
        assertThat(bean(BackgroundTasks.class).handedOverSoFar()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(hub.pingsFor(BASE + "/tag/" + Slugs.of(draftTag) + "/feed")).as("a draft changes no feed").isEmpty();

        // The feeds say where their hub is, in the document and in the Link header.
        String hubUrl = hub.url();
        Page rss = site().get("/business/feed");
        assertThat(rss.response().headers().allValues("Link"))
                .contains("<" + hubUrl + ">; rel=\"hub\"", "<" + BASE + "/business/feed>; rel=\"self\"");
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(rss.body()));
        assertThat(channel.getForeignMarkup()).anySatisfy(link -> {
            assertThat(link.getAttributeValue("rel")).isEqualTo("hub");
            assertThat(link.getAttributeValue("href")).isEqualTo(hubUrl);
        });
        var atom = (com.rometools.rome.feed.atom.Feed) new WireFeedInput()
                .build(new StringReader(site().get("/business/feed/atom").body()));
        assertThat(atom.getOtherLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("hub");
            assertThat(link.getHref()).isEqualTo(hubUrl);
        });
        JsonNode json = JsonMapper.builder().build().readTree(site().get("/business/feed.json").body());
        assertThat(json.get("hubs").get(0).get("type").asString()).isEqualTo("WebSub");
        assertThat(json.get("hubs").get(0).get("url").asString()).isEqualTo(hubUrl);

        int tagPings = hub.pingsFor(tagFeed).size();
        StoryEdits.changeSlug(this, written.id(), "tram-drivers-vote-to-strike-" + System.nanoTime());
        assertThat(hub.await(tagFeed, tagPings + 1, Duration.ofSeconds(10))).as("a change of address is news too").isTrue();
        StoryEdits.unpublish(this, written.id());
        assertThat(hub.await(tagFeed, tagPings + 2, Duration.ofSeconds(10))).as("unpublishing empties the tag feed").isTrue();
    }

    @Test
    default void aBrokenHubNeverStopsAStoryFromBeingPublished() throws Exception {
        HubStub hub = HubStub.get();
        hub.answerWith(500);
        try {
            String tag = "Hub Down " + System.nanoTime();
            var written = story(this, "Story published while the hub is down").tagged(tag).write();
            String tagFeed = BASE + "/tag/" + Slugs.of(tag) + "/feed";

            assertThat(site().get(written.path()).status()).isEqualTo(200);
            assertThat(links("/feed")).contains(BASE + written.path());
            assertThat(hub.await(List.of(tagFeed), Duration.ofSeconds(10))).as("the ping was tried").isNotEmpty();
        } finally {
            hub.answerWith(204);
        }
    }

    @Test
    default void feedparserReadsOurRssAndAtomWithoutAnyComplaint() throws Exception {
        String why = FeedParser.unavailableBecause();
        assumeTrue(why == null, () -> "Skipping the feedparser check: " + why);
        String tag = "Feed Parser " + System.nanoTime();
        var ampersands = story(this, "Q&A: why \"M&S\" & ampersands survive")
                .standfirst("Angle brackets <like these> & entities &amp; stay text.")
                .body("Body with a [link](https://example.org/?a=1&b=2) and *emphasis*.")
                .tagged(tag).write();
        var markup = story(this, "Why <b>bold</b> headlines stay text").tagged(tag).write();
        List<String> paths = List.of("/feed", "/feed/atom", "/world/feed", "/world/feed/atom",
                "/author/amara-osei/feed", "/tag/" + Slugs.of(tag) + "/feed", "/tag/" + Slugs.of(tag) + "/feed/atom");
        List<String> feeds = new ArrayList<>();
        for (String path : paths) {
            feeds.add(site().get(path).body());
        }

        List<JsonNode> parsed = FeedParser.parse(feeds);
        for (int i = 0; i < paths.size(); i++) {
            JsonNode feed = parsed.get(i);
            String path = paths.get(i);
            assertThat(feed.get("bozo").asInt()).as(path + ": " + feed.get("exception").asString()).isZero();
            assertThat(feed.get("version").asString()).as(path).isEqualTo(path.endsWith("/atom") ? "atom10" : "rss20");
            assertThat(feed.get("titles").size()).as(path).isPositive();
        }
        assertThat(titleOf(parsed.get(5), BASE + ampersands.path())).isEqualTo(ampersands.headline());
        assertThat(titleOf(parsed.get(6), BASE + ampersands.path())).isEqualTo(ampersands.headline());
        // Atom says its titles are text; RSS cannot say, and readers guess "<b>" is markup.
        assertThat(titleOf(parsed.get(6), BASE + markup.path())).isEqualTo(markup.headline());
    }

    private static String titleOf(JsonNode parsedFeed, String link) {
        List<String> links = parsedFeed.get("links").valueStream().map(JsonNode::asString).toList();
        int at = links.indexOf(link);
        assertThat(at).as(link + " in " + links).isNotNegative();
        return parsedFeed.get("titles").get(at).asString();
    }

    @Test
    default void jsonFeedsValidateAgainstTheJsonFeed11Schema() throws Exception {
        assumeTrue(JsonFeedSchema.available(),
                () -> "Skipping JSON Feed schema validation: " + JsonFeedSchema.FILE.toAbsolutePath() + " is absent");
        String tag = "Schema Check " + System.nanoTime();
        var written = story(this, "Story in every JSON feed").in("science").tagged(tag).by("priya-raman").write();

        for (String path : List.of("/feed.json", "/science/feed.json", "/tag/" + Slugs.of(tag) + "/feed.json",
                "/author/priya-raman/feed.json")) {
            String body = site().get(path).body();
            assertThat(JsonFeedSchema.errors(body)).as(path).isEmpty();
            assertThat(body).as(path).contains(BASE + written.path());
        }
        assertThat(JsonFeedSchema.errors("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{}]}"))
                .as("the schema catches a broken feed").isNotEmpty();
    }

    /** Story links in a feed, in feed order, whatever its format. */
    private List<String> links(String path) throws Exception {
        Page page = site().get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        if (path.endsWith(".json")) {
            JsonNode json = JsonMapper.builder().build().readTree(page.body());
            return json.get("items").valueStream().map(item -> item.get("url").asString()).toList();
        }
        var feed = new WireFeedInput().build(new StringReader(page.body()));
        if (feed instanceof Channel rss) {
            return rss.getItems().stream().map(Item::getLink).toList();
        }
        return ((com.rometools.rome.feed.atom.Feed) feed).getEntries().stream()
                .map(e -> e.getAlternateLinks().getFirst().getHref()).toList();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site().base() + path))
                .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode itemWithUrl(JsonNode feed, String url) {
        return feed.get("items").valueStream().filter(i -> url.equals(i.get("url").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(url + " is not in the JSON feed"));
    }

    /** The same HTML once both are written out by the same serialiser. */
    private static boolean sameHtml(String a, String b) {
        return Jsoup.parseBodyFragment(a).body().html().equals(Jsoup.parseBodyFragment(b).body().html());
    }
}
