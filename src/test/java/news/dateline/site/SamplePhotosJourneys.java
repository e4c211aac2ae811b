package news.dateline.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.dateline.support.RunningSite;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, "The sample stories get photos we may ship": on a first start the lead story of every section has a
 * lead photo drawn by us (site/SamplePhotos), 2400 × 1600, taken in through the library with alt text, caption and
 * the credit "Dateline sample art", its sizes made in the background; the article page shows it and stays valid
 * HTML. On a site of its own with the photos on (the other test sites leave them out).
 */
interface SamplePhotosJourneys extends RunningSite {

    @Test
    default void theLeadStoryOfEverySectionHasADrawnPhotoWithAltTextCaptionAndCredit() throws Exception {
        JdbcClient jdbc = bean(JdbcClient.class);
        // drawn after the first start has committed the stories, on a thread of their own
        long drawn = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM media_use WHERE role = 'lead'").query(Long.class).single() < 5
                && System.nanoTime() < drawn) {
            Thread.sleep(250);
        }
        List<Map<String, Object>> leads = jdbc.sql("""
                SELECT s.slug AS section, a.slug AS slug, m.id AS media, m.width, m.height, m.alt, m.caption,
                       m.credit, m.copyright
                FROM section s
                JOIN article a ON a.id = (SELECT x.id FROM article x WHERE x.section_id = s.id
                                          AND x.status = 'published' ORDER BY x.published_at DESC LIMIT 1)
                LEFT JOIN media_use u ON u.article_id = a.id AND u.role = 'lead'
                LEFT JOIN media m ON m.id = u.media_id
                WHERE s.slug IN ('world', 'politics', 'business', 'science', 'culture')""").query().listOfRows();
        assertThat(leads).hasSize(5).allSatisfy(lead -> {
            assertThat(lead.get("media")).as(lead.get("slug") + " has a lead photo").isNotNull();
            assertThat(((Number) lead.get("width")).intValue()).isGreaterThanOrEqualTo(2400);
            assertThat(((Number) lead.get("height")).intValue()).isGreaterThanOrEqualTo(1600);
            assertThat((String) lead.get("alt")).isNotBlank();
            assertThat((String) lead.get("caption")).isNotBlank();
            assertThat(lead.get("credit")).isEqualTo("Dateline sample art");
            assertThat((String) lead.get("copyright")).contains("CC0");
        });
        assertThat(leads.stream().map(lead -> lead.get("media")).distinct()).hasSize(5);

        // Once its sizes are made, the world lead's page shows it, large crops included, and is valid HTML.
        // (Only that one is waited for: the other four are made after it, one worker at a time.)
        Map<String, Object> world = leads.stream().filter(lead -> lead.get("section").equals("world")).findFirst()
                .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (!"ready".equals(jdbc.sql("SELECT state FROM media WHERE id = :id").param("id", world.get("media"))
                .query(String.class).single()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        String path = "/world/" + world.get("slug");
        var answer = site().get(path);
        Document page = answer.html();
        var img = page.selectFirst("figure.lead-photo img");
        assertThat(img).as(page.select("main").outerHtml()).isNotNull();
        assertThat(img.attr("alt")).isEqualTo(world.get("alt"));
        assertThat(page.select("figure.lead-photo figcaption").text()).contains("Dateline sample art");
        assertThat(img.attr("srcset")).contains(" 2048w");
        assertThat(site().get(img.attr("src")).status()).isEqualTo(200);
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        List<String> errors = errors(answer.body());
        assertThat(errors).as("Nu Html Checker errors in " + path + ":\n" + String.join("\n", errors)).isEmpty();
    }

    private static List<String> errors(String html) throws Exception {
        EmbeddedValidator checker = new EmbeddedValidator();
        checker.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String json = checker.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : JsonMapper.builder().build().readTree(json).path("messages")) {
            if (!message.path("type").asString("").equals("info")) {
                errors.add("line %s: %s%n    %s".formatted(message.path("lastLine").asString(""),
                        message.path("message").asString(""), message.path("extract").asString("")));
            }
        }
        return errors;
    }
}
