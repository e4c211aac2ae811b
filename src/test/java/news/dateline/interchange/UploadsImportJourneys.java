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
    default void theThemeUnitTestImportWithItsUploadsBringsThePicturesFeaturedImagesAndGalleriesIn() throws Exception {
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
                .containsEntry("not in the uploads folder: " + MISSING, 1)
                // the tiled gallery names 763, which the export does not hold: named once
                .containsEntry("gallery picture 763: not an attachment in this export", 1);
        assertThat(String.join("\n", summary.lines())).contains(REFUSED).contains(MISSING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isEqualTo(photosBefore + 35);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_use WHERE role = 'lead'").query(Long.class).single())
                .isEqualTo(leadsBefore + 6);

        // Once its sizes are made, the featured image is the story's lead photo on its page.
        // generous: on a loaded machine a first try may wait for the import's commit and be retried
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
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

        // Galleries: "[gallery]" is the pictures uploaded to the post (23, less the refused and the missing one),
        // ten times over; ids= lists its own (6, one not in the export); a block gallery its images.
        Document format = page(jdbc, "Post Format: Gallery");
        assertThat(format.select("main ul.gallery")).as(format.select("main").outerHtml()).hasSize(10)
                .allSatisfy(gallery -> assertThat(gallery.select("li figure img")).hasSize(21));
        assertThat(format.select("main ul.gallery").first().attr("aria-label")).isEqualTo("Gallery of 21 photos");
        assertThat(format.select("main ul.gallery").first().select("img").stream().map(img -> img.attr("alt")))
                .contains("Golden Gate Bridge", "Boardwalk");
        Document tiled = page(jdbc, "Post Format: Gallery (Tiled)");
        assertThat(tiled.select("main ul.gallery img")).hasSize(5);
        assertThat(tiled.select("main ul.gallery img").stream().map(img -> img.attr("alt")).toList())
                .containsExactly("Golden Gate Bridge", "Boardwalk", "Yachtsody in Blue", "Sydney Harbor Bridge",
                        "Big Sur");
        Document block = page(jdbc, "WP 6.1 Media category blocks");
        assertThat(block.select("main ul.gallery figure")).hasSize(5);
        assertThat(block.select("main ul.gallery figcaption").first().text())
                .startsWith("Golden Gate Bridge");
        for (var img : block.select("main ul.gallery img")) {
            assertThat(site().get(img.attr("src")).status()).as(img.attr("src")).isEqualTo(200);
        }

        // Pictures in bodies point at the library's copies: the address answers with the ready picture.
        Map<String, Object> aligned = jdbc.sql("""
                SELECT s.slug AS section, a.slug AS slug FROM article a JOIN section s ON s.id = a.section_id
                WHERE a.headline = 'Markup: Image Alignment'""").query().singleRow();
        List<String> inline = site().get("/" + aligned.get("section") + "/" + aligned.get("slug")).html()
                .select("main .story-body img").stream()
                .map(img -> img.attr("src")).toList();
        assertThat(inline).hasSizeGreaterThanOrEqualTo(4).allMatch(s -> s.matches("/media/library/\\d+\\.jpg"));
        var redirect = site().get(inline.getFirst());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).matches("/media/[0-9a-f]{64}\\.jpg");
        assertThat(site().get(redirect.header("Location")).status()).isEqualTo(200);
    }

    /**
     * Issue 13, "Export carries the library": a story with a lead photo, a picture in its text and a gallery,
     * exported with the library's files beside the XML and imported into an empty site, comes back with every
     * picture in place (the same bytes) and the library's alt text, caption, credit, source, copyright and focal
     * point; the export is what WordPress reads (attachment items, _thumbnail_id, [gallery ids=…]).
     */
    @Test
    default void anExportCarriesTheLibraryAndReimportsIntoAnEmptySiteWithEveryPictureInPlace() throws Exception {
        var intake = bean(news.dateline.story.photo.PhotoIntake.class);
        var archive = bean(news.dateline.story.photo.PhotoArchive.class);
        long lead = intake.take("harbour at dusk.jpg", picture(101), "Boats at the quay", "The last ferry leaves.",
                "editor").mediaId();
        long inline = intake.take("crowd.png", png(102), "A crowd on the pier", "", "editor").mediaId();
        long third = intake.take("gull.jpg", picture(103), "", "Back again.", "editor").mediaId();
        archive.describe(lead, "Ana Pereira / Dateline", "Staff", "© 2026 Dateline", 300, 700);
        archive.describe(third, "Agency", "", "", 900, 100);
        var story = news.dateline.support.StoryBuilder.story(this, "The harbour reopens").body("""
                The quay was busy.

                ![](media:%d "A caption of the text's own")

                Then the gulls came.

                ![The boats](media:%d)
                ![](media:%d)

                That was all.""".formatted(inline, lead, third)).write();
        new org.springframework.transaction.support.TransactionTemplate(
                bean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(
                status -> bean(news.dateline.story.photo.LeadPhotoDesk.class).save(story.id(), Long.toString(lead)));

        Path dir = Files.createTempDirectory("dateline-export-");
        Path exported = dir.resolve("site.xml");
        Path folder = WxrCommand.uploadsBeside(exported);
        WxrExporter.Exported written;
        try (var out = Files.newOutputStream(exported)) {
            written = bean(WxrExporter.class).export(out, folder); // what `export wxr FILE` does, into FILE-uploads
        }
        assertThat(written.pictures()).isGreaterThanOrEqualTo(3);
        assertThat(written.missingOriginals()).isEmpty();
        JdbcClient jdbc = bean(JdbcClient.class);
        String leadSha = sha(jdbc, lead);

        // What WordPress reads: an attachment item per picture, the story's featured image, its gallery.
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        var doc = xml.newDocumentBuilder().parse(exported.toFile());
        Map<String, org.w3c.dom.Element> attachments = new java.util.HashMap<>();
        org.w3c.dom.Element post = null;
        NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            var item = (org.w3c.dom.Element) items.item(i);
            String type = field(item, "post_type");
            if ("attachment".equals(type)) {
                attachments.put(meta(item, "_dateline_media_id"), item);
            } else if ("The harbour reopens".equals(item.getElementsByTagName("title").item(0).getTextContent())) {
                post = item;
            }
        }
        assertThat(post).isNotNull();
        var leadItem = attachments.get(Long.toString(lead));
        assertThat(leadItem).isNotNull();
        assertThat(meta(post, "_thumbnail_id")).isEqualTo(field(leadItem, "post_id"));
        assertThat(field(leadItem, "post_parent")).isEqualTo(field(post, "post_id"));
        assertThat(field(leadItem, "attachment_url")).endsWith("/wp-content/uploads/" + meta(leadItem, "_wp_attached_file"));
        assertThat(meta(leadItem, "_wp_attached_file")).matches("\\d{4}/\\d{2}/harbour-at-dusk\\.jpg");
        assertThat(meta(leadItem, "_wp_attachment_image_alt")).isEqualTo("Boats at the quay");
        assertThat(leadItem.getElementsByTagNameNS("*", "encoded").item(1).getTextContent())
                .isEqualTo("The last ferry leaves.");
        assertThat(field(post, "post_id")).isNotIn(attachments.values().stream().map(a -> field(a, "post_id")).toList());
        String html = post.getElementsByTagNameNS("*", "encoded").item(0).getTextContent();
        assertThat(html).contains("[gallery ids=" + field(leadItem, "post_id") + ","
                + field(attachments.get(Long.toString(third)), "post_id") + "]")
                .contains("src=\"" + field(attachments.get(Long.toString(inline)), "attachment_url") + "\"");
        // … and the originals beside it, byte for byte
        for (long id : List.of(lead, inline, third)) {
            Path file = folder.resolve(meta(attachments.get(Long.toString(id)), "_wp_attached_file"));
            assertThat(Files.readAllBytes(file)).isEqualTo(archive.original(id));
        }

        Path fresh = dir.resolve("fresh");
        assertThat(WxrCommand.run(news.dateline.DatelineApplication.class, new String[] {"import", "wxr",
                exported.toString(), "--uploads", folder.toString(), "--dateline.data.dir=" + fresh,
                "--dateline.data.url=", "--spring.main.banner-mode=off"})).isZero();
        var freshDb = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                "jdbc:sqlite:" + fresh.resolve("dateline.db"), true);
        try {
            JdbcClient copy = JdbcClient.create(freshDb);
            // every use of every picture by every story (lead and in the text), by the pictures' bytes
            assertThat(uses(copy)).containsAll(uses(jdbc)).contains("The harbour reopens | lead | " + leadSha);
            assertThat(uses(copy)).filteredOn(u -> u.startsWith("The harbour reopens | inline")).hasSize(3);
            assertThat(library(copy)).containsAll(library(jdbc));
            // the body names the new library's numbers, and otherwise reads as written
            assertThat(bodyBySha(copy)).isEqualTo(bodyBySha(jdbc));
        } finally {
            freshDb.destroy();
        }
    }

    private static String field(org.w3c.dom.Element item, String name) {
        return item.getElementsByTagNameNS("*", name).item(0).getTextContent().strip();
    }

    private static String meta(org.w3c.dom.Element item, String key) {
        NodeList metas = item.getElementsByTagNameNS("*", "postmeta");
        for (int i = 0; i < metas.getLength(); i++) {
            var meta = (org.w3c.dom.Element) metas.item(i);
            if (key.equals(field(meta, "meta_key"))) {
                return field(meta, "meta_value");
            }
        }
        return null;
    }

    private static String sha(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT sha256 FROM media WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static List<String> uses(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT a.headline || ' | ' || u.role || ' | ' || m.sha256 FROM media_use u
                JOIN article a ON a.id = u.article_id JOIN media m ON m.id = u.media_id""").query(String.class).list();
    }

    private static List<String> library(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT sha256 || ' | ' || alt || ' | ' || caption || ' | ' || credit || ' | ' || source || ' | '
                       || copyright || ' | ' || focal_x || ',' || focal_y FROM media""").query(String.class).list();
    }

    /** The harbour story's body with each media:N written as the picture's hash. */
    private static String bodyBySha(JdbcClient jdbc) {
        String body = jdbc.sql("SELECT body FROM article WHERE headline = 'The harbour reopens'")
                .query(String.class).single();
        return java.util.regex.Pattern.compile("media:(\\d+)").matcher(body)
                .replaceAll(m -> "media:" + sha(jdbc, Long.parseLong(m.group(1))));
    }

    private static byte[] png(int index) throws java.io.IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(index % 256, 40, 200));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Document page(JdbcClient jdbc, String headline) {
        Map<String, Object> story = jdbc.sql("""
                SELECT s.slug AS section, a.slug AS slug FROM article a JOIN section s ON s.id = a.section_id
                WHERE a.headline = :headline""").param("headline", headline).query().singleRow();
        return site().get("/" + story.get("section") + "/" + story.get("slug")).html();
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
