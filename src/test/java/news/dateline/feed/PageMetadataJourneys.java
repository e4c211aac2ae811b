package news.dateline.feed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.dateline.platform.Slugs;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page's {@code <head>} tells search engines, social sites and feed readers, run against each
 * database: canonical address, Open Graph and Twitter cards, schema.org JSON-LD, feed discovery.
 */
interface PageMetadataJourneys extends FeedSite {

    @Test
    default void anArticlePageDescribesItselfAsANewsArticleToSearchEnginesAndSocialSites() {
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        Instant updated = published.plus(Duration.ofMinutes(45));
        String tide = "Tide Tables " + System.nanoTime();
        var written = story(this, "Harbour barrier closes as storm surge nears")
                .standfirst("Engineers lowered the gates for the first time this winter.")
                .dateline("PORT HALVIK").by("amara-osei", "lukas-brandt").tagged(tide, "Storms")
                .publishedAt(published).updatedAt(updated).write();
        String url = BASE + written.path();

        Document html = site().get(written.path()).html();

        assertThat(html.select("link[rel=canonical]").eachAttr("href")).containsExactly(url);
        assertThat(html.selectFirst("meta[name=description]").attr("content"))
                .isEqualTo("Engineers lowered the gates for the first time this winter.");
        assertThat(meta(html, "property", "og:type")).isEqualTo("article");
        assertThat(meta(html, "property", "og:title")).isEqualTo(written.headline());
        assertThat(meta(html, "property", "og:description")).isEqualTo("Engineers lowered the gates for the first time this winter.");
        assertThat(meta(html, "property", "og:url")).isEqualTo(url);
        assertThat(meta(html, "property", "og:site_name")).isEqualTo("Dateline");
        assertThat(meta(html, "property", "og:image")).isEqualTo(BASE + "/assets/logo.png");
        assertThat(Instant.parse(meta(html, "property", "article:published_time"))).isEqualTo(published);
        assertThat(Instant.parse(meta(html, "property", "article:modified_time"))).isEqualTo(updated);
        assertThat(html.select("meta[property=article:tag]").eachAttr("content")).containsExactly(tide, "Storms");
        assertThat(meta(html, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(html, "name", "twitter:title")).isEqualTo(written.headline());

        JsonNode article = jsonLd(html);
        assertThat(article.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.get("headline").asString()).isEqualTo(written.headline());
        assertThat(article.get("description").asString()).isEqualTo("Engineers lowered the gates for the first time this winter.");
        assertThat(article.get("url").asString()).isEqualTo(url);
        assertThat(article.get("mainEntityOfPage").get("@id").asString()).isEqualTo(url);
        assertThat(Instant.parse(article.get("datePublished").asString())).isEqualTo(published);
        assertThat(Instant.parse(article.get("dateModified").asString())).isEqualTo(updated);
        assertThat(article.get("author").valueStream().map(a -> a.get("@type").asString() + " " + a.get("name").asString()
                + " " + a.get("url").asString()))
                .containsExactly("Person Amara Osei " + BASE + "/author/amara-osei",
                        "Person Lukas Brandt " + BASE + "/author/lukas-brandt");
        JsonNode publisher = article.get("publisher");
        assertThat(publisher.get("@type").asString()).isEqualTo("Organization");
        assertThat(publisher.get("name").asString()).isEqualTo("Dateline");
        assertThat(publisher.get("logo").get("url").asString()).isEqualTo(BASE + "/assets/logo.png");
        assertThat(article.get("articleSection").asString()).isEqualTo("World");
        assertThat(article.get("keywords").valueStream().map(JsonNode::asString)).containsExactly(tide, "Storms");
        assertThat(article.get("dateline").asString()).isEqualTo("PORT HALVIK");
        assertThat(article.get("locationCreated").get("name").asString()).isEqualTo("PORT HALVIK");
        // Home > Section > Headline, as search engines show the path to a story (issue 19.7)
        JsonNode crumbs = article.get("mainEntityOfPage").get("breadcrumb");
        assertThat(crumbs).as("BreadcrumbList of the article page").isNotNull();
        assertThat(crumbs.get("@type").asString()).isEqualTo("BreadcrumbList");
        assertThat(crumbs.get("itemListElement").valueStream().map(c -> c.get("@type").asString() + " "
                + c.get("position").asInt() + " " + c.get("name").asString() + " " + c.get("item").asString()))
                .containsExactly("ListItem 1 Dateline " + BASE + "/", "ListItem 2 World " + BASE + "/world/",
                        "ListItem 3 " + written.headline() + " " + url);

        Page logo = site().get("/assets/logo.png");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Type")).isEqualTo("image/png");
        assertThat(site().get("/assets/logo.svg").header("Content-Type")).startsWith("image/svg+xml");
    }

    @Test
    default void aHeadlineContainingAClosingScriptTagStaysInsideTheJsonLd() {
        String headline = "Row over </script><script>alert(\"pwned\")</script> & <!-- tags --> in headlines";
        var written = story(this, headline).standfirst("</SCRIPT> in the standfirst too").write();

        Page page = site().get(written.path());
        Document html = page.html();

        assertThat(html.select("script[type=application/ld+json]")).hasSize(1);
        assertThat(html.select("script:not([type=application/ld+json])"))
                .as("no script of the headline's making").allSatisfy(s -> assertThat(s.data()).doesNotContain("pwned"));
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("</SCRIPT> in");
        JsonNode article = jsonLd(html);
        assertThat(article.get("headline").asString()).isEqualTo(headline);
        assertThat(article.get("description").asString()).isEqualTo("</SCRIPT> in the standfirst too");
        assertThat(html.selectFirst("h1").text()).isEqualTo(headline);
    }

    @Test
    default void homeAndSectionPagesDeclareTheSiteAndItsSearchAction() {
        for (String path : List.of("/", "/world/")) {
            Document html = site().get(path).html();
            JsonNode graph = jsonLd(html).get("@graph");
            JsonNode website = ofType(graph, "WebSite");
            assertThat(website.get("url").asString()).as(path).isEqualTo(BASE + "/");
            assertThat(website.get("name").asString()).as(path).isEqualTo("Dateline");
            JsonNode search = website.get("potentialAction");
            assertThat(search.get("@type").asString()).isEqualTo("SearchAction");
            assertThat(search.get("target").get("urlTemplate").asString())
                    .isEqualTo(BASE + "/search?q={search_term_string}");
            assertThat(search.get("query-input").asString()).isEqualTo("required name=search_term_string");
            JsonNode collection = ofType(graph, "CollectionPage");
            assertThat(collection.get("url").asString()).as(path).isEqualTo(BASE + path);
            assertThat(collection.get("isPartOf").get("@id").asString()).isEqualTo(website.get("@id").asString());
            assertThat(html.select("link[rel=canonical]").eachAttr("href")).containsExactly(BASE + path);
            assertThat(meta(html, "property", "og:type")).isEqualTo("website");
        }
        assertThat(ofType(jsonLd(site().get("/world/").html()).get("@graph"), "CollectionPage").get("name").asString())
                .isEqualTo("World");
        Page searchTarget = site().get("/search?q=levee");
        assertThat(searchTarget.status()).as("the SearchAction's target answers").isEqualTo(200);
        for (int i = 0; i < 21; i++) {
            story(this, "Politics story " + i + " that fills a second page").in("politics").write();
        }
        assertThat(site().get("/politics/?page=2").html().select("link[rel=canonical]").eachAttr("href"))
                .as("a later page is its own address").containsExactly(BASE + "/politics/?page=2");
    }

    @Test
    default void everyPageLinksTheSiteFeedsAndListingsAlsoLinkTheirOwn() {
        String tag = "Discovery " + System.nanoTime();
        var written = story(this, "Story for feed discovery").in("culture").tagged(tag).by("henrik-solberg").write();
        String tagPath = "/tag/" + Slugs.of(tag);
        List<String> site = List.of("/feed", "/feed/atom", "/feed.json");

        for (String path : List.of("/", written.path(), "/search?q=flood", "/no-such-page", "/newsroom/login")) {
            assertThat(alternates(path)).as(path).containsExactlyElementsOf(site);
        }
        assertThat(alternates("/culture/")).containsExactly("/feed", "/feed/atom", "/feed.json",
                "/culture/feed", "/culture/feed/atom", "/culture/feed.json");
        assertThat(alternates(tagPath)).endsWith(tagPath + "/feed", tagPath + "/feed/atom", tagPath + "/feed.json");
        assertThat(alternates("/author/henrik-solberg")).endsWith("/author/henrik-solberg/feed",
                "/author/henrik-solberg/feed/atom", "/author/henrik-solberg/feed.json");

        for (Element link : site().get("/culture/").html().select("link[rel=alternate]")) {
            Page feed = site().get(link.attr("href"));
            assertThat(feed.status()).as(link.attr("href")).isEqualTo(200);
            assertThat(feed.header("Content-Type")).as(link.attr("href")).isEqualTo(link.attr("type") + ";charset=UTF-8");
            assertThat(link.attr("title")).isNotBlank();
        }
    }

    /** The feed links a page advertises, in order. */
    private List<String> alternates(String path) {
        return site().get(path).html().select("head link[rel=alternate]").eachAttr("href");
    }

    private static String meta(Document html, String attribute, String key) {
        Element tag = html.selectFirst("meta[" + attribute + "=" + key + "]");
        assertThat(tag).as(key).isNotNull();
        return tag.attr("content");
    }

    private static JsonNode jsonLd(Document html) {
        Element script = html.selectFirst("head script[type=application/ld+json]");
        assertThat(script).as("JSON-LD in the head").isNotNull();
        return JsonMapper.builder().build().readTree(script.data());
    }

    private static JsonNode ofType(JsonNode graph, String type) {
        return graph.valueStream().filter(node -> type.equals(node.get("@type").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " in " + graph));
    }
}
