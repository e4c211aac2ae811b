package news.dateline.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import news.dateline.menu.MenuService;
import news.dateline.page.PageForm;
import news.dateline.page.PageService;
import news.dateline.platform.ActingAccount;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The pages a reader meets are conforming HTML, by the Nu Html Checker (the engine behind
 * validator.w3.org/nu), run in-process on the bytes the server sent: the checker refuses to fetch
 * localhost itself. Warnings are allowed; errors are not.
 */
class ArticlePageIsValidHtmlTest extends SqliteSite {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "/world/ossel-levee-breach-brennick-evacuation, 200",
        "/, 200",
        "/world/, 200",
        "/world/no-such-story, 404",
        "/search?q=flood, 200",
        "/search?q=nothingmatchesthisword, 200",
    })
    void pageIsValidHtml(String path, int status) throws Exception {
        Page page = site().get(path);
        assertThat(page.status()).as("status of " + path).isEqualTo(status);
        assertThat(page.header("Content-Type")).as("content type of " + path).startsWith("text/html");

        Report report = check(page.body());
        if (!report.warnings().isEmpty()) {
            System.out.println("Nu Html Checker warnings in " + path + ":\n" + String.join("\n", report.warnings()));
        }

        List<String> errors = report.errors();
        assertThat(errors).as("Nu Html Checker errors in " + path + ":\n" + String.join("\n", errors)).isEmpty();
    }

    /** Issue 16: a page, and a reader page with header and footer menus (the wide list and the phone's). */
    @org.junit.jupiter.api.Test
    void pagesAndPagesWithMenusAreValidHtml() throws Exception {
        long pageId = bean(PageService.class).create(ActingAccount.SITE,
                new PageForm("Corrections policy", "corrections-vnu", "", "We correct *errors*.\n\n## How\n\n"
                        + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nWatch the desk explain."), true);
        MenuService menus = bean(MenuService.class);
        List<Long> items = new java.util.ArrayList<>();
        items.add(menus.add(ActingAccount.SITE, new MenuService.NewItem("header", "page:" + pageId, "", "", "")));
        menus.add(ActingAccount.SITE, new MenuService.NewItem("header", "link", "Newsletter",
                "https://newsletter.example.org/", Long.toString(items.getFirst())));
        items.add(menus.add(ActingAccount.SITE, new MenuService.NewItem("footer", "link", "Contact",
                "mailto:desk@example.org", "")));
        try {
            for (String path : List.of("/pages/corrections-vnu", "/", "/world/")) {
                Page page = site().get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.html().select("nav.sections details.nav-phone a").eachText()).as(path)
                        .contains("Corrections policy", "Newsletter");
                if (path.startsWith("/pages/")) {
                    assertThat(page.html().select("figure.embed")).as("the page's embed placeholder").hasSize(1);
                }
                List<String> errors = check(page.body()).errors();
                assertThat(errors).as("Nu Html Checker errors in " + path + ":\n" + String.join("\n", errors)).isEmpty();
            }
        } finally {
            items.forEach(id -> menus.delete(ActingAccount.SITE, id));
        }
    }

    /**
     * Issue 16: the header with a logo from the photo library (its width and height) and the icon links once a
     * library picture is the site's icon, and the settings form with library pictures listed and chosen.
     */
    @org.junit.jupiter.api.Test
    void theHeaderWithALibraryLogoAndTheSettingsFormWithPicturesAreValidHtml() throws Exception {
        var library = news.dateline.media.Photographer.as(this, "admin");
        long picture = library.uploaded("vnu-logo-" + System.nanoTime() + ".jpg",
                news.dateline.media.TestPictures.plainJpeg(800, 400, new java.awt.Color(200, 40, 40)),
                java.util.Map.of("alt", "A red banner")).get("id").asLong();
        assertThat(library.whenMade(picture).get("state").asString()).isEqualTo("ready");
        var admin = news.dateline.support.NewsroomForms.as(this, "admin");
        var shipped = bean(news.dateline.platform.SiteProperties.class);
        List<String> errors = new ArrayList<>();
        try {
            assertThat(admin.post("/newsroom/settings", "name", shipped.name(), "tagline", shipped.tagline(),
                    "language", shipped.language(), "time-zone", shipped.timeZone().getId(),
                    "logo-media", Long.toString(picture), "icon-media", Long.toString(picture)).status())
                    .isEqualTo(303);
            java.util.Map<String, Page> pages = new java.util.LinkedHashMap<>();
            pages.put("/", site().get("/"));
            pages.put("/newsroom/settings", admin.get("/newsroom/settings"));
            assertThat(pages.get("/").html().select(".brand img[width][height]")).hasSize(1);
            assertThat(pages.get("/newsroom/settings").html().select("#logo-media option[selected]").val())
                    .isEqualTo(Long.toString(picture));
            for (var entry : pages.entrySet()) {
                check(entry.getValue().body()).errors().forEach(error -> errors.add(entry.getKey() + ": " + error));
            }
        } finally {
            admin.post("/newsroom/settings", "name", shipped.name(), "tagline", shipped.tagline(),
                    "language", shipped.language(), "time-zone", shipped.timeZone().getId());
        }
        assertThat(errors).as("Nu Html Checker errors").isEmpty();
    }

    /**
     * The wire desk (issue 15): the queue, an item's preview with an update's diff, the story's editor with it,
     * the providers screen, a provider's edit form and the same form refused.
     */
    @org.junit.jupiter.api.Test
    void theWireDeskItsPreviewWithAnUpdateAndTheProvidersScreensAreValidHtml() throws Exception {
        news.dateline.wire.WireScreens.Prepared wire = news.dateline.wire.WireScreens.withAnUpdate(this);
        var admin = news.dateline.support.NewsroomForms.as(this, "admin");
        java.util.Map<String, Page> pages = new java.util.LinkedHashMap<>();
        pages.put("desk", admin.get("/newsroom/wire"));
        pages.put("preview", admin.get("/newsroom/wire?item=" + wire.itemId()));
        pages.put("editor", admin.get("/newsroom/articles/" + wire.articleId()));
        pages.put("providers", admin.get("/newsroom/wire/providers"));
        pages.put("provider", admin.get("/newsroom/wire/providers/1"));
        pages.put("provider refused", admin.post("/newsroom/wire/providers/1", "name", "Not A Name", "kind",
                "folder", "pollSeconds", "60", "expectedMinutes", "0"));
        assertThat(pages.values()).extracting(Page::status).containsExactly(200, 200, 200, 200, 200, 422);
        assertThat(pages.get("preview").html().select(".wire-update")).as("the preview shows the update").isNotEmpty();
        for (var page : pages.entrySet()) {
            List<String> errors = check(page.getValue().body()).errors();
            assertThat(errors).as("Nu Html Checker errors in the wire " + page.getKey() + ":\n"
                    + String.join("\n", errors)).isEmpty();
        }
    }

    /** Issue 16: an author page with a full profile, the authors screen and the profile form, refused and kept. */
    @org.junit.jupiter.api.Test
    void authorProfilePagesAreValidHtml() throws Exception {
        String slug = "profile-vnu-" + Long.toString(System.nanoTime(), 36);
        long id = bean(news.dateline.taxonomy.AuthorRepository.class).insert(slug, "Mira Kovac", "");
        bean(news.dateline.taxonomy.ProfileService.class).save(ActingAccount.SITE, id,
                new news.dateline.taxonomy.ProfileForm("Mira Kovac", "Courts & crime.", "Courts reporter",
                        "/assets/logo.png", "mira@example.org", "https://mastodon.social/@mira", java.util.Map.of()));
        var admin = news.dateline.support.NewsroomForms.as(this, "admin");
        List<Page> pages = List.of(site().get("/author/" + slug), admin.get("/newsroom/authors"),
                admin.get("/newsroom/authors/" + id),
                admin.post("/newsroom/authors/" + id, "name", "", "bio", "", "jobTitle", "",
                        "photoUrl", "https://elsewhere.example/m.jpg", "socialLinks", "http://x.example",
                        "publicEmail", "nope"));
        assertThat(pages).extracting(Page::status).containsExactly(200, 200, 200, 422);
        for (Page page : pages) {
            List<String> errors = check(page.body()).errors();
            assertThat(errors).as("Nu Html Checker errors in " + page.html().title() + ":\n"
                    + String.join("\n", errors)).isEmpty();
        }
    }

    /**
     * The newsroom's live desk, live and with an entry: valid, and without the checker's "Section lacks heading"
     * warning, which a screen reader's list of headings would show as a gap (issue 19.7).
     */
    @org.junit.jupiter.api.Test
    void theLiveDeskIsValidHtmlWithAHeadingForEachSection() throws Exception {
        var story = news.dateline.support.StoryBuilder.story(this, "Storm surge reaches the harbour").write();
        var editor = news.dateline.support.NewsroomForms.as(this, "editor");
        String desk = "/newsroom/articles/" + story.id() + "/live";
        for (String state : List.of("not live", "live")) {
            if (state.equals("live")) {
                assertThat(editor.post(desk + "/start").status()).isEqualTo(303);
                assertThat(editor.post(desk + "/entries", "body", "Water over the quay.").status()).isEqualTo(303);
            }
            Page page = editor.get(desk);
            assertThat(page.status()).isEqualTo(200);

            Report report = check(page.body());
            assertThat(report.errors()).as("errors on the desk, " + state).isEmpty();
            assertThat(report.warnings()).as("warnings on the desk, " + state)
                    .noneMatch(w -> w.contains("lacks heading"));
        }
    }

    /** An article with a lead photo: the {@code <picture>}, its sources and caption are valid too (issue 13). */
    @org.junit.jupiter.api.Test
    void anArticleWithALeadPhotoIsValidHtml() throws Exception {
        var story = news.dateline.support.StoryBuilder.story(this, "Ferries return to the harbour").write();
        var jdbc = bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String sha = Long.toHexString(System.nanoTime());
        jdbc.sql("""
                INSERT INTO media (sha256, filename, content_type, byte_size, width, height, alt, caption, credit,
                                   state, created_at, updated_at)
                VALUES (:sha, 'ferry.jpg', 'image/jpeg', 1000, 1600, 1000, 'A ferry at the quay',
                        'The first ferry in a week docks.', 'Photo: Harbour Desk', 'ready', 0, 0)""")
                .param("sha", sha).update();
        long media = jdbc.sql("SELECT id FROM media WHERE sha256 = :sha").param("sha", sha).query(Long.class).single();
        String[][] sizes = {{"full", "jpeg", "320", "200"}, {"full", "jpeg", "640", "400"},
            {"full", "webp", "320", "200"}, {"full", "webp", "640", "400"}, {"share", "jpeg", "1200", "630"},
            {"16x9", "jpeg", "1200", "675"}, {"4x3", "jpeg", "1200", "900"}, {"1x1", "jpeg", "1200", "1200"}};
        for (String[] size : sizes) {
            jdbc.sql("""
                    INSERT INTO media_derivative (media_id, crop, format, width, height, sha256, byte_size)
                    VALUES (:m, :crop, :format, :w, :h, :sha, 100)""")
                    .param("m", media).param("crop", size[0]).param("format", size[1])
                    .param("w", Integer.parseInt(size[2])).param("h", Integer.parseInt(size[3]))
                    .param("sha", sha + String.join("", size)).update();
        }
        var desk = bean(news.dateline.story.photo.LeadPhotoDesk.class);
        bean(org.springframework.transaction.support.TransactionOperations.class)
                .executeWithoutResult(status -> desk.save(story.id(), Long.toString(media)));

        Page page = site().get(story.path());
        assertThat(page.body()).contains("<picture>", "fetchpriority=\"high\"", "<figcaption>");
        Report report = check(page.body());
        assertThat(report.errors()).as("errors on " + story.path() + ":\n" + String.join("\n", report.errors()))
                .isEmpty();
    }

    /** Issue 16: an article whose body holds an embed placeholder, an unknown link and a hostile one. */
    @org.junit.jupiter.api.Test
    void anArticleWithAnEmbedIsValidHtml() throws Exception {
        var story = news.dateline.support.StoryBuilder.story(this, "Pilots explain the rota on video").body("""
                The vote closes on Friday.

                https://www.youtube.com/watch?v=dQw4w9WgXcQ

                https://video.example.org/42

                https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>x</script>""").write();
        Page page = site().get(story.path());
        assertThat(page.html().select("figure.embed")).hasSize(1);
        List<String> errors = check(page.body()).errors();
        assertThat(errors).as("Nu Html Checker errors:\n" + String.join("\n", errors)).isEmpty();
    }

    /**
     * The newsroom's front page, banner and settings screens, refused forms included, and reader pages showing the
     * breaking-news banner: valid (issue 16).
     */
    @org.junit.jupiter.api.Test
    void theFrontPageBannerAndSettingsScreensAndPagesWithTheBannerAreValidHtml() throws Exception {
        var story = news.dateline.support.StoryBuilder.story(this, "Ferry service suspended in the gale").write();
        var editor = news.dateline.support.NewsroomForms.as(this, "editor");
        var admin = news.dateline.support.NewsroomForms.as(this, "admin");
        List<String> errors = new ArrayList<>();
        try {
            assertThat(editor.post("/newsroom/banner", "message", "Gale warning: ferries suspended", "link",
                    story.path(), "minutes", "60").status()).isEqualTo(303);
            java.util.Map<String, Page> pages = new java.util.LinkedHashMap<>();
            pages.put("/newsroom/front", editor.get("/newsroom/front"));
            pages.put("/newsroom/front (refused)", editor.post("/newsroom/front", "lead", String.valueOf(story.id()),
                    "top-1", String.valueOf(story.id()), "order-1", "x"));
            pages.put("/newsroom/banner", editor.get("/newsroom/banner"));
            pages.put("/newsroom/banner (refused)", editor.post("/newsroom/banner", "message", "", "link",
                    "javascript:alert(1)", "minutes", "7"));
            pages.put("/newsroom/settings", admin.get("/newsroom/settings"));
            pages.put("/newsroom/settings (refused)", admin.post("/newsroom/settings", "name", "", "language", "?",
                    "time-zone", "Nowhere", "comments", "maybe", "comment-moderation", "x",
                    "comment-close-after-days", "soon", "logo-media", "123456789", "icon-media", "x"));
            pages.put("/ (banner)", site().get("/"));
            pages.put(story.path() + " (banner)", site().get(story.path()));
            pages.forEach((name, page) -> {
                assertThat(page.html().select(name.startsWith("/newsroom") ? "main h1" : ".breaking")).as(name)
                        .isNotEmpty();
                try {
                    check(page.body()).errors().forEach(error -> errors.add(name + ": " + error));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            editor.post("/newsroom/banner/end");
        }
        assertThat(errors).as("Nu Html Checker errors").isEmpty();
    }

    /** What the checker said about one page: its errors (fatal ones included) and its warnings, one line each. */
    private record Report(List<String> errors, List<String> warnings) {
    }

    private static Report check(String html) throws Exception {
        EmbeddedValidator checker = new EmbeddedValidator();
        checker.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String json = checker.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        JsonNode messages = JSON.readTree(json).path("messages");
        assertThat(messages.isArray()).as("checker report has messages: " + json).isTrue();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode message : messages) {
            // "info" (warnings and notes), "error", or "non-document-error" (the checker could not do its work)
            String type = message.path("type").asString("");
            String subType = message.path("subType").asString("");
            String line = "line %s, column %s: %s%s: %s%n    %s".formatted(
                    message.path("lastLine").asString(""), message.path("firstColumn").asString(""),
                    type, subType.isEmpty() ? "" : " (" + subType + ")",
                    message.path("message").asString(""),
                    message.path("extract").asString("").replace("\n", "↩"));
            (type.equals("info") ? warnings : errors).add(line);
        }
        return new Report(errors, warnings);
    }
}
