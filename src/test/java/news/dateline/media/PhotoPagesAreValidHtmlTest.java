package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder;
import news.dateline.support.StoryBuilder.Written;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader pages that show pictures are conforming HTML by the Nu Html Checker, run in-process on the bytes the
 * server sent (as site's ArticlePageIsValidHtmlTest does for the pages without): cards with thumbnails on every
 * kind of list, the article with its lead photo, and one with a picture and a gallery in its text.
 */
class PhotoPagesAreValidHtmlTest extends SqliteSite {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void pagesWithPicturesOnTheirCardsAreValidHtml() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        Written older = StoryBuilder.story(this, "Gulls over the breakwater " + unique).tagged("Gulls " + unique)
                .write();
        Written story = StoryBuilder.story(this, "Gulls return to the breakwater " + unique)
                .tagged("Gulls " + unique).write();
        for (Written written : List.of(older, story)) {
            long id = editor.uploaded("gulls-" + written.id() + ".jpg", TestPictures.plainJpeg(1500, 1000,
                    new Color((int) ((System.nanoTime() + written.id()) & 0xffffff))),
                    Map.of("alt", "Gulls <on> the \"wall\" & " + unique, "caption", "Back again.")).get("id").asLong();
            editor.whenMade(id);
            choose(editor, written.id(), id);
        }
        List<Long> ids = new ArrayList<>();
        for (Written written : List.of(older, story)) {
            ids.add(Long.parseLong(bean(news.dateline.story.photo.LeadPhotoDesk.class).chosen(written.id())));
        }
        Written inline = StoryBuilder.story(this, "Gulls in the text " + unique).body("""
                The gulls came back.

                ![](media:%d "One <gull> & \\"another\\"")

                ![First](media:%d)
                ![Second](media:%d)
                """.formatted(ids.get(0), ids.get(0), ids.get(1))).write();
        String tagPath = editor.page(story.path()).select("a[rel=tag]").attr("href");
        for (String path : List.of("/", "/world/", tagPath, "/author/amara-osei", story.path(), older.path(),
                "/search?q=" + unique, inline.path())) {
            Page page = site().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html().select("picture img")).as(path + " shows pictures").isNotEmpty();
            List<String> errors = errors(page.body());
            assertThat(errors).as("Nu Html Checker errors in " + path + ":\n" + String.join("\n", errors)).isEmpty();
        }
    }

    static void choose(Photographer editor, long articleId, long mediaId) {
        FormElement form = (FormElement) editor.page("/newsroom/articles/" + articleId).selectFirst("form#editor");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        fields.put("action", "save");
        fields.put("leadPhoto", Long.toString(mediaId));
        assertThat(editor.post("/newsroom/articles/" + articleId, fields).status()).isEqualTo(302);
    }

    static List<String> errors(String html) throws Exception {
        EmbeddedValidator checker = new EmbeddedValidator();
        checker.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String json = checker.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : JSON.readTree(json).path("messages")) {
            if (!message.path("type").asString("").equals("info")) {
                errors.add("line %s: %s%n    %s".formatted(message.path("lastLine").asString(""),
                        message.path("message").asString(""), message.path("extract").asString("")));
            }
        }
        return errors;
    }
}
