package news.dateline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import news.dateline.support.RunningSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 13: the WordPress theme-unit-test export imported with a copy of its uploads folder (generated here: one
 * small picture for each of its 37 attachments, one of them a PDF named .jpg and one missing) brings the pictures
 * into the library, the featured images in as lead photos and the bodies' pictures pointing at the library's
 * copies, and names every file it could not take. On a site
 * of its own, as the menus journey is.
 */
interface UploadsImportJourneys extends RunningSite {

    String REFUSED = "2008/06/canola2.jpg";
    String MISSING = "2008/06/dsc20050727_091048_222.jpg";

    @Test
    default void theThemeUnitTestImportWithItsUploadsBringsThePicturesAndFeaturedImagesIn() throws Exception {
        Path wxr = WxrFiles.phpunit("theme-unit-test-data.xml");
        List<String> files = attachmentFiles(wxr);
        assertThat(files).hasSize(37).contains(REFUSED, MISSING, "2013/03/featured-image-horizontal.jpg");
        Path uploads = Files.createTempDirectory("wp-uploads-");
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            if (file.equals(MISSING)) {
                continue;
            }
            Path target = uploads.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, file.equals(REFUSED)
                    ? "%PDF-1.4 not a picture".getBytes(StandardCharsets.US_ASCII) : picture(i));
        }

        JdbcClient jdbc = bean(JdbcClient.class);
        long photosBefore = jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
        long leadsBefore = jdbc.sql("SELECT COUNT(*) FROM media_use WHERE role = 'lead'").query(Long.class).single();
        ImportSummary summary = bean(WxrImporter.class).importFile(wxr,
                new WxrImporter.Options(false, false, false, uploads), read -> { });

        assertThat(summary.imported()).containsEntry("photos", 35).containsEntry("lead photos", 6);
        assertThat(summary.skipped()).containsEntry(REFUSED + ": \"canola2.jpg\" is not a picture we can use: it is a "
                + "PDF document. Upload a JPEG, PNG, GIF or WebP file.", 1)
                .containsEntry("not in the uploads folder: " + MISSING, 1);
        assertThat(String.join("\n", summary.lines())).contains(REFUSED).contains(MISSING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isEqualTo(photosBefore + 35);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_use WHERE role = 'lead'").query(Long.class).single())
                .isEqualTo(leadsBefore + 6);

        // Once its sizes are made, the featured image is the story's lead photo on its page.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM media WHERE state = 'pending'").query(Long.class).single() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, Object> story = jdbc.sql("""
                SELECT s.slug AS section, a.slug AS slug FROM article a JOIN section s ON s.id = a.section_id
                WHERE a.headline = 'Template: Featured Image (Horizontal)'""").query().singleRow();
        Document page = site().get("/" + story.get("section") + "/" + story.get("slug")).html();
        String src = page.select("figure.lead-photo img").attr("src");
        assertThat(src).as(page.select("main").outerHtml()).startsWith("/media/").endsWith(".jpg");
        assertThat(site().get(src).status()).isEqualTo(200);

        // Pictures in bodies point at the library's copies: the address answers with the ready picture.
        Map<String, Object> aligned = jdbc.sql("""
                SELECT s.slug AS section, a.slug AS slug FROM article a JOIN section s ON s.id = a.section_id
                WHERE a.headline = 'Markup: Image Alignment'""").query().singleRow();
        List<String> inline = site().get("/" + aligned.get("section") + "/" + aligned.get("slug")).html()
                .select("main img").stream().filter(img -> !img.parents().is("figure.lead-photo"))
                .map(img -> img.attr("src")).toList();
        assertThat(inline).hasSizeGreaterThanOrEqualTo(4).allMatch(s -> s.matches("/media/library/\\d+\\.jpg"));
        var redirect = site().get(inline.getFirst());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).matches("/media/[0-9a-f]{64}\\.jpg");
        assertThat(site().get(redirect.header("Location")).status()).isEqualTo(200);
    }

    /** Each attachment's place in the uploads folder, read from its URL (WordPress.com: the path after the host). */
    private static List<String> attachmentFiles(Path wxr) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList urls = factory.newDocumentBuilder().parse(wxr.toFile())
                .getElementsByTagNameNS("*", "attachment_url");
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            files.add(URI.create(((Element) urls.item(i)).getTextContent().strip()).getPath().substring(1));
        }
        return files;
    }

    /** A small picture of a colour of its own, so that no two are the same bytes. */
    private static byte[] picture(int index) throws java.io.IOException {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color((index * 53) % 256, (index * 97) % 256, (index * 31 + 80) % 256));
        g.fillRect(0, 0, 240, 160);
        g.setColor(Color.WHITE);
        g.drawString("attachment " + index, 20, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
