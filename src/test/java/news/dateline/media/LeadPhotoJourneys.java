package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.support.RunningSite;
import news.dateline.support.StoryBuilder;
import news.dateline.support.StoryBuilder.Written;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import news.dateline.support.SiteClient.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A story's lead photo: chosen in the editor, shown to readers, to social sites and to search engines. */
interface LeadPhotoJourneys extends RunningSite {

    @Test
    default void anEditorChoosesALeadPhotoAndTheArticleItsShareCardAndItsJsonLdShowIt() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        Written story = StoryBuilder.story(this, "Ferries return to the harbour " + unique).write();
        Document before = reader(editor, story.path());
        assertThat(before.select("figure.lead-photo")).isEmpty();
        assertThat(meta(before, "og:image")).endsWith("/assets/logo.png");

        long id = editor.uploaded("ferry-" + unique + ".jpg", TestPictures.plainJpeg(1700, 1300, new Color(30, 90, 150)),
                Map.of("alt", "A ferry at the quay " + unique, "caption", "The first ferry in a week docks.",
                        "credit", "Photo: Harbour Desk")).get("id").asLong();
        assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");

        // Not a picture in the library: the form comes back saying so, with the headline kept; nothing saved.
        Map<String, String> form = editorForm(editor, story.id());
        form.put("headline", "Ferries are back " + unique);
        form.put("leadPhoto", "999999999");
        Photographer.Answer refused = editor.post("/newsroom/articles/" + story.id(), form);
        assertThat(refused.status()).isEqualTo(422);
        Document again = Jsoup.parse(refused.text());
        assertThat(again.select("#leadPhoto-error").text()).isEqualTo(LeadPhotoUses.NOT_IN_LIBRARY);
        assertThat(again.select("#headline").attr("value")).isEqualTo("Ferries are back " + unique);
        assertThat(reader(editor, story.path()).select("figure.lead-photo")).isEmpty();

        form = editorForm(editor, story.id());
        assertThat(editor.page("/newsroom/articles/" + story.id()).select("#leadPhoto option[value=" + id + "]").text())
                .contains("A ferry at the quay " + unique);
        form.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302); // the editor's redirect to itself
        Document editorPage = editor.page("/newsroom/articles/" + story.id());
        assertThat(editorPage.select("#leadPhoto option[selected]").val()).isEqualTo(Long.toString(id));
        assertThat(editorPage.select(".lead-photo img").attr("src")).startsWith("/media/").endsWith(".jpg");
        assertThat(editor.page("/newsroom/media/" + id).select(".media-uses li").text())
                .isEqualTo(story.headline() + " (lead photo)");

        Document article = reader(editor, story.path());
        Element picture = article.selectFirst("article figure.lead-photo picture");
        assertThat(picture).as("the lead photo on the article page").isNotNull();
        Element webp = picture.selectFirst("source[type=image/webp]");
        Element img = picture.selectFirst("img");
        assertThat(candidates(webp.attr("srcset"))).containsExactly("320w", "640w", "960w", "1280w", "1600w");
        assertThat(candidates(img.attr("srcset"))).containsExactly("320w", "640w", "960w", "1280w", "1600w");
        assertThat(webp.attr("srcset")).contains(".webp 320w");
        assertThat(img.attr("src")).endsWith(".jpg");
        assertThat(img.attr("sizes")).isNotBlank().isEqualTo(webp.attr("sizes"));
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(Integer.parseInt(img.attr("height"))).isBetween(733, 735); // 1300 × 960 / 1700
        assertThat(img.attr("fetchpriority")).isEqualTo("high");
        assertThat(img.attr("alt")).isEqualTo("A ferry at the quay " + unique);
        assertThat(article.select("figure.lead-photo figcaption").text())
                .isEqualTo("The first ferry in a week docks. Photo: Harbour Desk");
        for (String url : urls(img.attr("srcset") + ", " + webp.attr("srcset") + ", " + img.attr("src"))) {
            Photographer.Answer file = Photographer.anonymous(editor.base(), url);
            assertThat(file.status()).as(url).isEqualTo(200);
            assertThat(file.contentType()).as(url).startsWith("image/");
        }

        String share = meta(article, "og:image");
        assertThat(share).startsWith("http").contains("/media/").endsWith(".jpg").doesNotEndWith("logo.png");
        assertThat(meta(article, "og:image:width")).isEqualTo("1200");
        assertThat(meta(article, "og:image:height")).isEqualTo("630");
        assertThat(meta(article, "og:image:alt")).isEqualTo("A ferry at the quay " + unique);
        assertThat(article.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        Photographer.Answer card = Photographer.anonymous(editor.base(), share.substring(share.indexOf("/media/")));
        assertThat(card.status()).isEqualTo(200);

        JsonNode jsonLd = JsonMapper.builder().build()
                .readTree(article.selectFirst("script[type=application/ld+json]").data());
        List<String> ratios = new ArrayList<>();
        for (JsonNode image : jsonLd.get("image")) {
            assertThat(image.get("width").asInt()).isEqualTo(1200);
            assertThat(image.get("url").asString()).startsWith("http").contains("/media/");
            ratios.add(image.get("width").asInt() + "x" + image.get("height").asInt());
        }
        assertThat(ratios).containsExactly("1200x675", "1200x900", "1200x1200");

        // A new caption reaches the cached page: the photo's change records one for the story using it.
        assertThat(editor.post("/newsroom/media/" + id, Map.of("alt", "A ferry at the quay " + unique,
                "caption", "The ferry Ossel docks after a week away.", "credit", "Photo: Harbour Desk",
                "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        assertThat(reader(editor, story.path()).select("figure.lead-photo figcaption").text())
                .isEqualTo("The ferry Ossel docks after a week away. Photo: Harbour Desk");

        // Taken off: the page shows no picture and shares the logo again; the photo may now be deleted.
        form = editorForm(editor, story.id());
        form.put("leadPhoto", "");
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302); // the editor's redirect to itself
        Document without = reader(editor, story.path());
        assertThat(without.select("figure.lead-photo, article.story img")).isEmpty();
        assertThat(meta(without, "og:image")).endsWith("/assets/logo.png");
        assertThat(editor.page("/newsroom/media/" + id).select(".media-uses li")).isEmpty();
    }

    @Test
    default void aLeadPhotoShowsTheNearestReadySizeAndNothingWhileNoneIsReady() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        long id = editor.uploaded("quay-" + unique + ".jpg", TestPictures.plainJpeg(1400, 800, new Color(90, 40, 20)),
                Map.of("alt", "The quay " + unique)).get("id").asLong();
        editor.whenMade(id);
        JdbcClient jdbc = bean(JdbcClient.class);
        // Only the two smallest JPEGs of its own shape are there (the others not made yet, say).
        jdbc.sql("DELETE FROM media_derivative WHERE media_id = :id AND NOT (crop = 'full' AND format = 'jpeg' "
                + "AND width <= 640)").param("id", id).update();
        Written story = StoryBuilder.story(this, "The quay at dusk " + unique).write();
        Map<String, String> form = editorForm(editor, story.id());
        form.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302); // the editor's redirect to itself

        Document article = reader(editor, story.path());
        Element img = article.selectFirst("figure.lead-photo img");
        assertThat(img).isNotNull();
        assertThat(article.select("figure.lead-photo source")).isEmpty();
        assertThat(candidates(img.attr("srcset"))).containsExactly("320w", "640w");
        assertThat(img.attr("width")).isEqualTo("640");
        assertThat(Photographer.anonymous(editor.base(), img.attr("src")).status()).isEqualTo(200);
        // No share crop ready: the logo stays, no card pointing at a missing file.
        assertThat(meta(article, "og:image")).endsWith("/assets/logo.png");

        // None ready (all being made again): no picture at all, never a broken one.
        jdbc.sql("DELETE FROM media_derivative WHERE media_id = :id").param("id", id).update();
        Written other = StoryBuilder.story(this, "The quay at dawn " + unique).write();
        form = editorForm(editor, other.id());
        form.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + other.id(), form).status()).isEqualTo(302); // the editor's redirect to itself
        Document empty = reader(editor, other.path());
        // (Recent Articles below may show other stories' pictures: the story itself has none.)
        assertThat(empty.select("figure.lead-photo, article.story img, article.story picture")).isEmpty();
    }

    @Test
    default void cardsShowTheLeadPhotoWhereverTheStoryIsListedAndANewAltTextReachesTheCachedPages() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        String tag = "Harbour " + unique;
        Written reading = StoryBuilder.story(this, "The harbour's new pilot boat " + unique).write();
        Written plain = StoryBuilder.story(this, "Tides without a picture " + unique).tagged(tag).write();
        Written shown = StoryBuilder.story(this, "Lighthouse keeper retires " + unique).tagged(tag)
                .body("The keeper's last night " + unique + " at the lamp.").write(); // the newest: the front's lead
        long id = editor.uploaded("lighthouse-" + unique + ".jpg", TestPictures.plainJpeg(1700, 1300,
                new Color((int) (System.nanoTime() & 0xffffff))), Map.of("alt", "The lighthouse at dusk " + unique))
                .get("id").asLong();
        assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");
        Map<String, String> form = editorForm(editor, shown.id());
        form.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + shown.id(), form).status()).isEqualTo(302);
        Document tagPage = reader(editor, reader(editor, shown.path()).select("a[rel=tag]").attr("href"));

        // A big picture above the headline on the front page (16:9), a thumbnail beside it in lists (4:3).
        Map<String, Document> pages = new LinkedHashMap<>();
        pages.put("home", reader(editor, "/"));
        pages.put("section", reader(editor, "/world/"));
        pages.put("tag", tagPage);
        pages.put("author", reader(editor, "/author/amara-osei"));
        pages.put("recent", reader(editor, reading.path()));
        pages.put("search", searchFor(editor, unique, shown.path()));
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            String where = page.getKey();
            Element card = cardOf(page.getValue(), shown.path());
            assertThat(card).as(where + ": the card").isNotNull();
            Element picture = card.selectFirst("picture.card-photo");
            assertThat(picture).as(where + ": the card's picture").isNotNull();
            Element webp = picture.selectFirst("source[type=image/webp]");
            Element img = picture.selectFirst("img");
            assertThat(candidates(webp.attr("srcset"))).as(where).containsExactly("320w", "640w", "1200w");
            assertThat(candidates(img.attr("srcset"))).as(where).containsExactly("320w", "640w", "1200w");
            assertThat(webp.attr("srcset")).as(where).contains(".webp 320w");
            assertThat(img.attr("sizes")).as(where).isNotBlank().isEqualTo(webp.attr("sizes"));
            assertThat(img.attr("alt")).as(where).isEqualTo("The lighthouse at dusk " + unique);
            assertThat(img.attr("decoding")).as(where).isEqualTo("async");
            if (where.equals("home")) {
                boolean lead = card.closest("section.lead") != null;
                assertThat(img.attr("width") + "x" + img.attr("height")).as(where).isEqualTo("640x360"); // 16:9
                assertThat(img.attr("loading")).as(where).isEqualTo(lead ? "" : "lazy");
                assertThat(img.attr("fetchpriority")).as(where).isEqualTo(lead ? "high" : "");
            } else {
                assertThat(img.attr("width") + "x" + img.attr("height")).as(where).isEqualTo("320x240"); // 4:3
                assertThat(picture.hasClass("beside")).as(where).isTrue();
                assertThat(img.attr("loading")).as(where).isEqualTo("lazy");
                assertThat(img.attr("fetchpriority")).as(where).isEmpty();
            }
            for (String url : urls(img.attr("srcset") + ", " + webp.attr("srcset") + ", " + img.attr("src"))) {
                assertThat(Photographer.anonymous(editor.base(), url).status()).as(where + " " + url).isEqualTo(200);
            }
        }
        assertThat(pages.get("section").selectFirst("picture.card-photo img").attr("sizes"))
                .isNotEqualTo(pages.get("recent").selectFirst(".story-more picture.card-photo img").attr("sizes"));
        // Only the front page's lead loads at once; every other card picture waits until it is near.
        Document home = pages.get("home");
        for (Element img : home.select("picture.card-photo img")) {
            boolean lead = img.closest("section.lead") != null;
            assertThat(img.attr("loading")).isEqualTo(lead ? "" : "lazy");
        }
        if (bean(news.dateline.front.FrontRepository.class).picks().lead() == null) {
            assertThat(home.selectFirst("section.lead picture.card-photo img").attr("fetchpriority")).isEqualTo("high");
        }
        // A story without a photo keeps the card it had.
        Element without = cardOf(tagPage, plain.path());
        assertThat(without).isNotNull();
        assertThat(without.select("picture, img")).isEmpty();

        // The alt text changed in the library: the cached pages showing the card say it at once.
        for (String path : List.of("/", "/world/", reading.path())) {
            reader(editor, path); // kept in the page cache
        }
        assertThat(editor.post("/newsroom/media/" + id, Map.of("alt", "The lighthouse, lamp lit " + unique,
                "caption", "", "credit", "", "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        for (String path : List.of("/", "/world/", reading.path())) {
            assertThat(cardOf(reader(editor, path), shown.path()).select("picture.card-photo img").attr("alt"))
                    .as(path).isEqualTo("The lighthouse, lamp lit " + unique);
        }
    }

    @Test
    default void aStorysLeadPhotoTravelsWithItInEveryFeedFormatAndInTheImageSitemap() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        var written = StoryBuilder.story(this, "Night ferry crosses in fog " + unique).tagged("Fog " + unique).write();
        String url = absolute(this, written.path());
        Page before = site().get("/feed");
        assertThat(((Channel) new WireFeedInput().build(new StringReader(before.body()))).getItems().stream()
                .filter(i -> url.equals(i.getLink())).findFirst().orElseThrow().getEnclosures()).isEmpty();
        long id = editor.uploaded("fog-" + unique + ".jpg", TestPictures.plainJpeg(1800, 1200,
                        new java.awt.Color((int) (System.nanoTime() & 0xffffff))),
                Map.of("alt", "Fog & lights <on> the water " + unique, "caption", "The 23:10 sailing."))
                .get("id").asLong();
        assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");
        var form = (FormElement) editor.page("/newsroom/articles/" + written.id())
                .selectFirst("form#editor");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        fields.put("action", "save");
        fields.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + written.id(), fields).status()).isEqualTo(302);
        String picture = editor.page(written.path()).select("figure.lead-photo img").attr("srcset");
        assertThat(picture).as("the article shows the photo").contains("1280w");

        // RSS: an enclosure with length and type, and Media RSS with the size and the alt text.
        Page rssPage = site().get("/feed");
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(rssPage.body()));
        Item item = rss.getItems().stream().filter(i -> url.equals(i.getLink())).findFirst().orElseThrow();
        assertThat(item.getEnclosures()).hasSize(1);
        var enclosure = item.getEnclosures().getFirst();
        assertThat(enclosure.getUrl()).contains("/media/").endsWith(".jpg");
        assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        Photographer.Answer file = Photographer.anonymous(editor.base(), pathOf(enclosure.getUrl()));
        assertThat(file.status()).isEqualTo(200);
        assertThat(enclosure.getLength()).as("the enclosure's length is the file's").isEqualTo(file.body().length);
        assertThat(picture).as("the file is one of the article's").contains(pathOf(enclosure.getUrl()) + " 1280w");
        org.jsoup.nodes.Document rssXml = Jsoup.parse(rssPage.body(), "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element media = rssXml.select("item").stream()
                .filter(i -> i.selectFirst("link").text().equals(url)).findFirst().orElseThrow()
                .selectFirst("media|content");
        assertThat(media.attr("url")).isEqualTo(enclosure.getUrl());
        assertThat(media.attr("medium")).isEqualTo("image");
        assertThat(media.attr("width")).isEqualTo("1280");
        assertThat(Integer.parseInt(media.attr("height"))).isBetween(853, 854); // 1200 × 1280 / 1800
        assertThat(media.selectFirst("media|description").text()).isEqualTo("Fog & lights <on> the water " + unique);
        assertThat(rssXml.select("item").stream().filter(i -> i.selectFirst("link").text().startsWith(url.substring(0, url.indexOf(written.path()))))
                .filter(i -> i.select("enclosure").isEmpty()).count()).as("stories without a photo have none")
                .isPositive();

        // Atom: a link rel="enclosure" with type and length.
        var atom = (com.rometools.rome.feed.atom.Feed) new WireFeedInput()
                .build(new StringReader(site().get("/feed/atom").body()));
        Entry entry = atom.getEntries().stream()
                .filter(e -> url.equals(e.getAlternateLinks().getFirst().getHref())).findFirst().orElseThrow();
        var link = entry.getOtherLinks().stream().filter(l -> "enclosure".equals(l.getRel())).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo(enclosure.getUrl());
        assertThat(link.getType()).isEqualTo("image/jpeg");
        assertThat(link.getLength()).isEqualTo(file.body().length);

        // JSON Feed: the item's image, and the feed still valid.
        String jsonBody = site().get("/feed.json").body();
        assertThat(itemWithUrl(JsonMapper.builder().build().readTree(jsonBody), url).get("image").asString())
                .isEqualTo(enclosure.getUrl());
        if (news.dateline.feed.JsonFeedSchema.available()) {
            assertThat(news.dateline.feed.JsonFeedSchema.errors(jsonBody)).isEmpty();
        }
        String why = news.dateline.feed.FeedParser.unavailableBecause();
        if (why == null) {
            List<JsonNode> parsed = news.dateline.feed.FeedParser.parse(List.of(rssPage.body(), site().get("/feed/atom").body()));
            for (JsonNode feed : parsed) {
                assertThat(feed.get("bozo").asInt()).as(feed.get("exception").asString()).isZero();
                int at = feed.get("links").valueStream().map(JsonNode::asString).toList().indexOf(url);
                assertThat(feed.get("enclosures").get(at).get(0).get(0).asString()).isEqualTo(enclosure.getUrl());
                assertThat(feed.get("enclosures").get(at).get(0).get(2).asString())
                        .isEqualTo(Integer.toString(file.body().length));
            }
            assertThat(parsed.getFirst().get("media").get(parsed.getFirst().get("links").valueStream()
                    .map(JsonNode::asString).toList().indexOf(url)).get(0).asString()).isEqualTo(enclosure.getUrl());
        } else {
            System.out.println("Skipping the feedparser check: " + why);
        }

        // The image sitemap: the story's address names its photo, and the file still validates.
        String sitemapFile = null;
        for (String sitemap : Jsoup.parse(site().get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser())
                .select("sitemap > loc").eachText()) {
            String body = site().get(pathOf(sitemap)).body();
            if (body.contains("<loc>" + url + "</loc>")) {
                sitemapFile = body;
            }
        }
        assertThat(sitemapFile).as("an article sitemap lists the story").isNotNull();
        news.dateline.feed.SitemapSchemas.validUrlset(sitemapFile);
        org.jsoup.nodes.Element entryXml = Jsoup.parse(sitemapFile, "", org.jsoup.parser.Parser.xmlParser())
                .select("url").stream().filter(u -> u.selectFirst("loc").text().equals(url)).findFirst().orElseThrow();
        assertThat(entryXml.select("image|image > image|loc").eachText()).containsExactly(enclosure.getUrl());

        // A new alt text is a new feed: a reader holding the old ETag gets the new one.
        Page atomBefore = site().get("/feed/atom");
        String etag = atomBefore.header("ETag");
        assertThat(site().get("/feed/atom", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(editor.post("/newsroom/media/" + id, Map.of("alt", "Fog over the water " + unique, "caption", "",
                "credit", "", "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        Page after = site().get("/feed/atom", "If-None-Match", etag);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("Fog over the water " + unique);
    }

    @Test
    default void picturesAndAGalleryPlacedInTheBodyShowAsFiguresAndCountAsUsesInTheLibrary() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        String hostileAlt = "<script>alert('alt')</script> \"quoted\" & " + unique;
        String hostileCredit = "Photo: <img src=x onerror=alert(1)> & Co";
        long first = editor.uploaded("pier-" + unique + ".jpg", TestPictures.plainJpeg(1500, 1000,
                new Color((int) (System.nanoTime() & 0xffffff))), Map.of("alt", hostileAlt, "caption",
                "Library caption", "credit", hostileCredit)).get("id").asLong();
        long second = editor.uploaded("gull-" + unique + ".jpg", TestPictures.plainJpeg(900, 900,
                new Color((int) ((System.nanoTime() + 7) & 0xffffff))), Map.of("alt", "A gull")).get("id").asLong();
        long third = editor.uploaded("buoy-" + unique + ".jpg", TestPictures.plainJpeg(1000, 700,
                new Color((int) ((System.nanoTime() + 13) & 0xffffff))), Map.of("alt", "A buoy")).get("id").asLong();
        for (long id : List.of(first, second, third)) {
            assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");
        }
        String hostileCaption = "</figcaption><script>alert(\\\"cap\\\")</script> & more";
        String body = """
                The pier reopened this morning.

                ![](media:%d "%s")

                ![The gull on the rail](media:%d)
                ![](media:%d "The harbour buoy")

                A sentence with a stray ![stray words](media:%d) picture.

                ![Never uploaded](media:999999999)
                """.formatted(first, hostileCaption, second, third, first);
        Written story = StoryBuilder.story(this, "The pier reopens " + unique).body(body).write();

        Document page = reader(editor, story.path());
        Element text = page.selectFirst(".story-body");
        assertThat(text.select("script")).as("hostile text stays text").isEmpty();
        Element figure = text.selectFirst("figure.inline-photo");
        assertThat(figure).isNotNull();
        Element img = figure.selectFirst("picture img");
        assertThat(img.attr("alt")).as("the library's alt text when the body gives none").isEqualTo(hostileAlt);
        assertThat(figure.select("figcaption .caption").text()).isEqualTo(hostileCaption.replace("\\", ""));
        assertThat(figure.select("figcaption .photo-credit").text()).isEqualTo(hostileCredit);
        assertThat(figure.select("figcaption img")).isEmpty();
        assertThat(candidates(figure.selectFirst("source[type=image/webp]").attr("srcset")))
                .containsExactly("320w", "640w", "960w", "1280w");
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("640");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(Photographer.anonymous(editor.base(), img.attr("src")).status()).isEqualTo(200);

        Elements gallery = text.select("ul.gallery > li > figure.gallery-photo");
        assertThat(gallery).hasSize(2);
        assertThat(gallery.select("img").eachAttr("alt")).containsExactly("The gull on the rail", "A buoy");
        assertThat(gallery.get(1).select("figcaption .caption").text()).isEqualTo("The harbour buoy");
        assertThat(text.selectFirst("ul.gallery").attr("aria-label")).isEqualTo("Gallery of 2 photos");

        // Inside a sentence it is its words; an id the library does not have shows nothing, never a broken image.
        assertThat(text.text()).contains("A sentence with a stray stray words picture.").doesNotContain("Never uploaded");
        assertThat(text.select("img")).hasSize(3);
        assertThat(text.select("img[src=''], img:not([src])")).isEmpty();
        assertThat(text.select(".photo-missing")).isEmpty();

        // The editor's preview names the missing one.
        Photographer.Answer preview = editor.post("/newsroom/preview", Map.of("body", body, "dateline", ""));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(Jsoup.parse(preview.text()).select(".photo-missing").text())
                .isEqualTo(news.dateline.story.photo.InlinePhotoExtension.MISSING.formatted(999999999L));

        // The library knows where each is used, and keeps it while it is.
        assertThat(editor.page("/newsroom/media/" + second).select(".media-uses li").text())
                .isEqualTo(story.headline() + " (in the text)");
        assertThat(editor.post("/newsroom/media/" + first + "/delete", Map.of()).status()).isEqualTo(409);
        assertThat(Photographer.anonymous(editor.base(), img.attr("src")).status()).isEqualTo(200);

        // The library page gives the line to paste; the image sitemap names every picture the story shows.
        assertThat(editor.page("/newsroom/media/" + second).select(".media-markdown code").first().text())
                .isEqualTo("![](media:" + second + ")");
        String sitemap = null;
        for (String file : Jsoup.parse(Photographer.anonymous(editor.base(), "/sitemap.xml").text(), "",
                org.jsoup.parser.Parser.xmlParser()).select("sitemap > loc").eachText()) {
            String listed = Photographer.anonymous(editor.base(), pathOf(file)).text();
            if (listed.contains("<loc>" + absolute(this, story.path()) + "</loc>")) {
                sitemap = listed;
            }
        }
        assertThat(sitemap).as("an article sitemap lists the story").isNotNull();
        news.dateline.feed.SitemapSchemas.validUrlset(sitemap);
        assertThat(Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals(absolute(this, story.path()))).findFirst().orElseThrow()
                .select("image|image > image|loc")).hasSize(3);

        // Taken out of the text: no longer used.
        Map<String, String> form = editorForm(editor, story.id());
        form.put("body", "The pier reopened this morning.");
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302);
        assertThat(editor.page("/newsroom/media/" + second).select(".media-uses li")).isEmpty();
        assertThat(reader(editor, story.path()).select(".story-body figure, .story-body img")).isEmpty();
    }

    @Test
    default void anEditorIsWarnedOfPicturesWithoutAltTextBeforeAndAfterPublishingAndTheWarningNamesThem()
            throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        long lead = editor.uploaded("no-alt-lead-" + unique + ".jpg", TestPictures.plainJpeg(800, 600,
                new Color((int) (System.nanoTime() & 0xffffff))), Map.of()).get("id").asLong();
        long inline = editor.uploaded("no-alt-inline-" + unique + ".jpg", TestPictures.plainJpeg(800, 600,
                new Color((int) ((System.nanoTime() + 3) & 0xffffff))), Map.of("caption", "Only a caption"))
                .get("id").asLong();
        long described = editor.uploaded("described-" + unique + ".jpg", TestPictures.plainJpeg(800, 600,
                new Color((int) ((System.nanoTime() + 5) & 0xffffff))), Map.of("alt", "A described picture"))
                .get("id").asLong();
        Written story = StoryBuilder.story(this, "Pictures to describe " + unique).draft()
                .body("![](media:%d)\n\n![](media:%d)".formatted(inline, described)).write();
        Map<String, String> form = editorForm(editor, story.id());
        form.put("leadPhoto", Long.toString(lead));
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302);

        Document before = editor.page("/newsroom/articles/" + story.id());
        assertThat(before.select("#alt-warning li").eachText()).containsExactly(
                "#" + lead + " no-alt-lead-" + unique + ".jpg (the lead photo) has no alt text.",
                "#" + inline + " no-alt-inline-" + unique + ".jpg (in the text) has no alt text.");
        assertThat(before.select("#alt-warning").text()).contains("You may still publish");

        // Publishing is not refused: the story goes out, and the editor is told again what it lacks.
        form = editorForm(editor, story.id());
        form.put("action", "publish");
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302);
        assertThat(Photographer.anonymous(editor.base(), story.path()).status()).isEqualTo(200);
        Document after = editor.page("/newsroom/articles/" + story.id());
        assertThat(after.select("#alt-warning").text()).contains("Published with pictures that have no alt text");
        assertThat(after.select("#alt-warning li")).hasSize(2);

        // Described in the library: the warning names only what is left, then goes.
        assertThat(editor.post("/newsroom/media/" + lead, Map.of("alt", "The harbour wall at noon", "caption", "",
                "credit", "", "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        assertThat(editor.page("/newsroom/articles/" + story.id()).select("#alt-warning li").eachText())
                .containsExactly("#" + inline + " no-alt-inline-" + unique + ".jpg (in the text) has no alt text.");
        assertThat(editor.post("/newsroom/media/" + inline, Map.of("alt", "A boat", "caption", "Only a caption",
                "credit", "", "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        assertThat(editor.page("/newsroom/articles/" + story.id()).select("#alt-warning")).isEmpty();
    }

    /** The site's public address of a path, as feeds write it (dateline.site.base-url). */
    private static String absolute(RunningSite site, String path) {
        return site.bean(news.dateline.platform.SiteProperties.class).baseUrl().replaceAll("/$", "") + path;
    }

    /** The path of an absolute address on this site. */
    private static String pathOf(String absolute) {
        return java.net.URI.create(absolute).getRawPath();
    }

    private static JsonNode itemWithUrl(JsonNode feed, String url) {
        return feed.get("items").valueStream().filter(i -> url.equals(i.get("url").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(url + " is not in the JSON feed"));
    }

    /** The card (or search result) linking to this story, outside the story itself. */
    private static Element cardOf(Document page, String path) {
        for (Element link : page.select(".card-title a[href=" + path + "]")) {
            Element card = link.closest("article.card, li.result");
            if (card != null) {
                return card;
            }
        }
        return null;
    }

    /** The results page once the index has the story (it follows the change path after commit). */
    private static Document searchFor(Photographer editor, String words, String path) throws InterruptedException {
        for (int tries = 0; ; tries++) {
            Document results = reader(editor, "/search?q=" + words);
            if (cardOf(results, path) != null || tries == 10) {
                return results;
            }
            Thread.sleep(300);
        }
    }

    /** The editor's form as the page fills it in (what a browser would send on "Save"). */
    private static Map<String, String> editorForm(Photographer editor, long articleId) {
        Document page = editor.page("/newsroom/articles/" + articleId);
        FormElement form = (FormElement) page.selectFirst("form#editor");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        fields.put("action", "save");
        return fields;
    }

    private static Document reader(Photographer editor, String path) {
        Photographer.Answer page = Photographer.anonymous(editor.base(), path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return Jsoup.parse(page.text());
    }

    private static String meta(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }

    private static List<String> candidates(String srcset) {
        return java.util.Arrays.stream(srcset.split(",")).map(String::strip).map(c -> c.substring(c.indexOf(' ') + 1))
                .toList();
    }

    private static List<String> urls(String srcsets) {
        return java.util.Arrays.stream(srcsets.split(",")).map(String::strip).map(c -> c.split(" ")[0]).toList();
    }
}
