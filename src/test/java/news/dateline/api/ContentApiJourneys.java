package news.dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.media.Photographer;
import news.dateline.media.TestPictures;
import news.dateline.platform.Slugs;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder;
import news.dateline.support.StoryEdits;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content API at /api/v1, as an integrator's app reads it, through the running server on each database. Each
 * test tags its stories with a tag of its own and lists by it, as other journeys share the site.
 */
interface ContentApiJourneys extends RunningSite {

    JsonMapper JSON = JsonMapper.builder().build();

    private static String unique(String name) {
        return name + " " + Long.toString(System.nanoTime(), 36);
    }

    @Test
    default void theContentApiListsOnlyPublishedStories() {
        String tag = unique("Api harbour");
        var published = StoryBuilder.story(this, unique("Harbour reopens after storm")).tagged(tag)
                .body("The harbour **reopened** at dawn.").dateline("Oban").write();
        var draft = StoryBuilder.story(this, unique("Harbour draft not yet out")).tagged(tag).draft().write();
        var withdrawn = StoryBuilder.story(this, unique("Harbour story withdrawn")).tagged(tag).write();
        StoryEdits.unpublish(this, withdrawn.id());

        Page list = site().get("/api/v1/stories?tag=" + Slugs.of(tag));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        JsonNode stories = json(list).get("stories");
        assertThat(ids(stories)).containsExactly(published.id());
        JsonNode first = stories.get(0);
        assertThat(first.get("headline").asString()).isEqualTo(published.headline());
        assertThat(first.get("url").asString()).endsWith(published.path());
        assertThat(first.get("section").get("slug").asString()).isEqualTo("world");
        assertThat(first.get("authors").get(0).get("slug").asString()).isEqualTo("amara-osei");
        assertThat(first.get("tags").get(0).get("name").asString()).isEqualTo(tag);
        assertThat(json(list).get("next").isNull()).isTrue();

        JsonNode story = json(site().get("/api/v1/stories/" + published.id()));
        assertThat(story.get("body_markdown").asString()).isEqualTo("The harbour **reopened** at dawn.");
        assertThat(story.get("body_html").asString()).contains("<strong>reopened</strong>");
        assertThat(story.get("dateline").asString()).isEqualTo("Oban");
        assertThat(story.get("corrections").isArray()).isTrue();
        assertThat(story.get("live").isNull()).isTrue();

        for (long hidden : List.of(draft.id(), withdrawn.id())) {
            Page refused = site().get("/api/v1/stories/" + hidden);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json(refused).get("detail").asString()).isEqualTo("There is no published story " + hidden + ".");
        }
        assertThat(json(site().get("/api/v1/tags")).get("tags").findValuesAsString("slug"))
                .contains(Slugs.of(tag));

        Page unknown = site().get("/api/v1/stories?tag=no-such-tag-anywhere&limit=500&cursor=nonsense");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = json(unknown).get("errors");
        assertThat(errors.get("tag").asString()).isEqualTo("There is no tag with the slug \"no-such-tag-anywhere\".");
        assertThat(errors.get("limit").asString()).isEqualTo("Give a number from 1 to 100.");
        assertThat(errors.get("cursor").asString()).startsWith("Not a cursor from this API");
    }

    @Test
    default void theContentApiPaginatesStablyWhileStoriesArePublishedInBetween() {
        String tag = unique("Api pages");
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<Long> older = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two share a publication time: the id breaks the tie, so neither is skipped nor shown twice
            Instant at = start.plus(Duration.ofMinutes(i == 2 ? 1 : i));
            older.add(StoryBuilder.story(this, unique("Page story " + i)).tagged(tag).publishedAt(at).write().id());
        }

        JsonNode page1 = json(site().get("/api/v1/stories?limit=2&tag=" + Slugs.of(tag)));
        List<Long> seen = new ArrayList<>(ids(page1.get("stories")));
        String next = page1.get("next").asString();
        assertThat(next).contains("cursor=").contains("limit=2").contains("tag=");

        // the newsroom publishes while the integrator pages through
        long fresh = StoryBuilder.story(this, unique("Published meanwhile")).tagged(tag).write().id();
        var draft = StoryBuilder.story(this, unique("A draft published meanwhile")).tagged(tag).draft().write();
        StoryEdits.publish(this, draft.id());

        while (!next.isEmpty()) {
            JsonNode page = json(site().get(next.substring(next.indexOf("/api/v1/"))));
            seen.addAll(ids(page.get("stories")));
            next = page.get("next").isNull() ? "" : page.get("next").asString();
        }
        assertThat(seen).as("every story there was at the start, once, newest first")
                .containsExactlyElementsOf(expectedOrder(older));

        List<Long> now = ids(json(site().get("/api/v1/stories?limit=3&tag=" + Slugs.of(tag))).get("stories"));
        assertThat(now).as("a new first page starts with what was published since")
                .containsExactlyInAnyOrder(fresh, draft.id(), expectedOrder(older).getFirst());
    }

    @Test
    default void theContentApiAnswers304OnAnUnchangedEtag() {
        var story = StoryBuilder.story(this, unique("Bridge repairs finish early")).write();
        String path = "/api/v1/stories/" + story.id();
        Page first = site().get(path, "Origin", "https://app.example");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=60");
        assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");

        Page unchanged = site().get(path, "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        StoryEdits.unpublish(this, story.id());
        StoryEdits.publish(this, story.id());
        Page changed = site().get(path, "If-None-Match", etag);
        assertThat(changed.status()).as("republished: its times changed").isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(site().get("/api/v1/sections", "If-None-Match",
                site().get("/api/v1/sections").header("ETag")).status()).isEqualTo(304);
    }

    @Test
    default void theContentApiSearchesAndFiltersOnlyPublishedStories() {
        String word = unique("Quellbrook").replace(" ", "");
        var found = StoryBuilder.story(this, "Ferry to " + word + " sails again").body("The " + word + " ferry sails.")
                .by("amara-osei").write();
        StoryBuilder.story(this, "Draft about " + word).body("The " + word + " draft.").draft().write();

        JsonNode results = json(site().get("/api/v1/search?q=" + word));
        assertThat(ids(results.get("stories"))).containsExactly(found.id());
        assertThat(site().get("/api/v1/search?q=").status()).isEqualTo(422);

        String tag = unique("Api filters");
        Instant longAgo = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        long old = StoryBuilder.story(this, unique("Old pier story")).tagged(tag).publishedAt(longAgo)
                .updatedAt(longAgo).write().id();
        long recent = StoryBuilder.story(this, unique("New pier story")).tagged(tag).write().id();
        String since = longAgo.plus(Duration.ofDays(1)).toString();
        assertThat(ids(json(site().get("/api/v1/stories?tag=" + Slugs.of(tag) + "&updated_since=" + since))
                .get("stories"))).containsExactly(recent);
        assertThat(ids(json(site().get("/api/v1/stories?tag=" + Slugs.of(tag) + "&author=amara-osei"))
                .get("stories"))).containsExactly(recent, old);
        assertThat(ids(json(site().get("/api/v1/stories?tag=" + Slugs.of(tag) + "&section=world"))
                .get("stories"))).containsExactly(recent, old);
        assertThat(json(site().get("/api/v1/stories?updated_since=yesterday")).get("errors")
                .get("updated_since").asString()).startsWith("Give a time as");
    }

    @Test
    default void aStoryCarriesItsLeadImageInTheListAndAloneAndANewAltChangesItsEtag() throws Exception {
        String tag = unique("Api pictures");
        String mark = Long.toString(System.nanoTime(), 36);
        Photographer editor = Photographer.as(this, "editor");
        long photo = editor.uploaded("lighthouse-" + mark + ".jpg",
                TestPictures.plainJpeg(1700, 1300, new Color(200, 120, 40)),
                Map.of("alt", "The lighthouse at dusk " + mark, "caption", "The lamp is lit again.",
                        "credit", "Photo: Coast Desk")).get("id").asLong();
        assertThat(editor.whenMade(photo).get("state").asString()).isEqualTo("ready");
        var plain = StoryBuilder.story(this, unique("Lighthouse keepers meet")).tagged(tag).write();
        var pictured = StoryBuilder.story(this, unique("Lighthouse lamp relit")).tagged(tag).write();
        Map<String, String> form = editorForm(editor, pictured.id());
        form.put("leadPhoto", Long.toString(photo));
        assertThat(editor.post("/newsroom/articles/" + pictured.id(), form).status()).isEqualTo(302);

        String listPath = "/api/v1/stories?tag=" + Slugs.of(tag);
        Page list = site().get(listPath);
        JsonNode stories = json(list).get("stories");
        assertThat(ids(stories)).containsExactlyInAnyOrder(plain.id(), pictured.id());
        JsonNode listed = null;
        for (JsonNode story : stories) {
            assertThat(story.has("lead_image")).as("every story names its lead image, or null").isTrue();
            if (story.get("id").asLong() == plain.id()) {
                assertThat(story.get("lead_image").isNull()).as("a story without a lead photo").isTrue();
            } else {
                listed = story.get("lead_image");
            }
        }
        assertThat(listed.get("alt").asString()).isEqualTo("The lighthouse at dusk " + mark);
        assertThat(listed.get("caption").asString()).isEqualTo("The lamp is lit again.");
        assertThat(listed.get("credit").asString()).isEqualTo("Photo: Coast Desk");
        List<Integer> widths = new ArrayList<>();
        listed.get("jpeg").forEach(image -> widths.add(image.get("width").asInt()));
        assertThat(widths).containsExactly(320, 640, 960, 1280, 1600);
        assertThat(listed.get("jpeg").get(2).get("height").asInt()).isBetween(733, 735); // 1300 × 960 / 1700
        assertThat(listed.get("webp")).hasSize(5);
        List<String> ratios = new ArrayList<>();
        listed.get("crops").forEach(crop -> ratios.add(crop.get("ratio").asString() + " "
                + crop.get("width").asInt() + "x" + crop.get("height").asInt()));
        assertThat(ratios).containsExactly("16:9 1200x675", "4:3 1200x900", "1:1 1200x1200");
        assertThat(listed.get("share").get("width").asInt()).isEqualTo(1200);
        assertThat(listed.get("share").get("height").asInt()).isEqualTo(630);
        List<JsonNode> jpegs = new ArrayList<>();
        listed.get("jpeg").forEach(jpegs::add);
        listed.get("crops").forEach(jpegs::add);
        jpegs.add(listed.get("share"));
        for (JsonNode jpeg : jpegs) {
            String url = jpeg.get("url").asString();
            assertThat(url).startsWith("http").contains("/media/").endsWith(".jpg");
            Photographer.Answer file = Photographer.anonymous(editor.base(), url.substring(url.indexOf("/media/")));
            assertThat(file.status()).as(url).isEqualTo(200);
            assertThat(file.contentType()).as(url).startsWith("image/jpeg");
        }
        String webp = listed.get("webp").get(0).get("url").asString();
        assertThat(Photographer.anonymous(editor.base(), webp.substring(webp.indexOf("/media/"))).contentType())
                .startsWith("image/webp");

        String storyPath = "/api/v1/stories/" + pictured.id();
        Page alone = site().get(storyPath);
        assertThat(json(alone).get("lead_image")).as("the story alone shows the same picture").isEqualTo(listed);
        assertThat(json(site().get("/api/v1/stories/" + plain.id())).get("lead_image").isNull()).isTrue();

        // Described again: both answers change, so a client holding the old ETag is sent the new alt text.
        assertThat(editor.post("/newsroom/media/" + photo, Map.of("alt", "The relit lighthouse at dusk " + mark,
                "caption", "The lamp is lit again.", "credit", "Photo: Coast Desk",
                "focalX", "500", "focalY", "500")).status()).isEqualTo(303);
        Page changed = site().get(storyPath, "If-None-Match", alone.header("ETag"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(alone.header("ETag"));
        assertThat(json(changed).get("lead_image").get("alt").asString())
                .isEqualTo("The relit lighthouse at dusk " + mark);
        Page relisted = site().get(listPath, "If-None-Match", list.header("ETag"));
        assertThat(relisted.status()).isEqualTo(200);
        assertThat(relisted.header("ETag")).isNotEqualTo(list.header("ETag"));
    }

    /** The editor's form as the page fills it, to save again with one field changed. */
    private static Map<String, String> editorForm(Photographer editor, long articleId) {
        FormElement form = (FormElement) editor.page("/newsroom/articles/" + articleId).selectFirst("form#editor");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        fields.put("action", "save");
        return fields;
    }

    /** Newest publication first; for the two that share a time, the higher id first. */
    private static List<Long> expectedOrder(List<Long> filed) {
        return List.of(filed.get(4), filed.get(3), Math.max(filed.get(1), filed.get(2)),
                Math.min(filed.get(1), filed.get(2)), filed.get(0));
    }

    private static List<Long> ids(JsonNode stories) {
        List<Long> ids = new ArrayList<>();
        stories.forEach(story -> ids.add(story.get("id").asLong()));
        return ids;
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }
}
