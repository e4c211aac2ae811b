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
     * Issue 13: a picture whose attachment comes after the post that shows it (as WordPress exports them) gets the
     * attachment's alt text and caption in the library, though the body met it first; the body's alt text
     * describes it only where the attachment has none, and an empty one on the page is the attachment's.
     */
    @Test
    default void aPictureFirstMetInABodyGetsItsAttachmentsAltTextAndCaption() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        Path dir = Files.createTempDirectory("wp-body-first-");
        Map<String, byte[]> files = bodyFirstFiles(unique, 201);
        Path uploads = dir.resolve("uploads");
        for (var file : files.entrySet()) {
            Files.createDirectories(uploads.resolve(file.getKey()).getParent());
            Files.write(uploads.resolve(file.getKey()), file.getValue());
        }
        Path wxr = dir.resolve("export.xml");
        Files.writeString(wxr, bodyFirstExport(unique));

        ImportSummary summary = bean(WxrImporter.class).importFile(wxr,
                new WxrImporter.Options(false, false, false, uploads), read -> { });

        assertThat(summary.imported()).containsEntry("photos", 3);
        JdbcClient jdbc = bean(JdbcClient.class);
        // the attachment's description, whichever came first
        assertThat(description(jdbc, files.get("2021/04/ferry-" + unique + ".jpg")))
                .isEqualTo("The ferry at the quay | The first ferry in a week.");
        // no alt text in the attachment: the body's
        assertThat(description(jdbc, files.get("2021/04/gull-" + unique + ".jpg")))
                .isEqualTo("A gull, as the post says | Back again.");
        // the attachment's alt text over the body's
        assertThat(description(jdbc, files.get("2021/04/pier-" + unique + ".jpg")))
                .isEqualTo("The pier at low tide | ");
        // On the page: the written alt text as written, an empty one the attachment's.
        Document page = page(jdbc, "Ferries " + unique);
        assertThat(page.select("main .story-body img").eachAttr("alt")).containsExactly("The ferry at the quay",
                "A gull, as the post says", "The pier, as the post says");
        assertThat(page.select("main .story-body img").eachAttr("src"))
                .allMatch(src -> src.matches("/media/library/\\d+\\.jpg"));
    }

    /**
     * Issue 13: in the newsroom an admin sends the export with a zip of its uploads folder (zipped as
     * {@code wp-content/uploads/…}); a dry run names what would be taken and what is missing, the import brings the
     * pictures into the library, the featured image in as the lead photo and the body's pictures at the library's
     * copies, and every temporary file is gone afterwards. A zip holding {@code ../evil.jpg} is refused beside its
     * field with the choices kept, and nothing is imported or written outside.
     */
    @Test
    default void anAdminImportsAnExportWithAZipOfItsUploadsAndAZipThatLeavesItsFolderIsRefused() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        Map<String, byte[]> files = bodyFirstFiles(unique, 301);
        String missing = "2021/04/pier-" + unique + ".jpg";
        Map<String, byte[]> zipped = new java.util.LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (!path.equals(missing)) {
                zipped.put("wp-content/uploads/" + path, bytes);
            }
        });
        byte[] zip = zip(zipped);
        byte[] export = bodyFirstExport(unique, """
                <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>501</wp:meta_value></wp:postmeta>""")
                .getBytes(StandardCharsets.UTF_8);
        JdbcClient jdbc = bean(JdbcClient.class);
        String stories = "SELECT COUNT(*) FROM article WHERE headline = 'Ferries " + unique + "'";
        long photosBefore = jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
        List<String> temporaryBefore = temporaryFiles();

        var admin = site().signIn(news.dateline.support.TestAccounts.create(this, "admin"),
                news.dateline.support.TestAccounts.PASSWORD);
        Document form = admin.get("/newsroom/import").html();
        assertThat(form.select("label[for=uploads]").text()).isEqualTo("Uploads (zip of wp-content/uploads)");
        assertThat(form.select("form[enctype=multipart/form-data] input[type=file][name=uploads]")).hasSize(1);
        String token = form.select("input[name=_csrf]").attr("value");
        List<news.dateline.support.SiteClient.FilePart> both = List.of(
                new news.dateline.support.SiteClient.FilePart("file", "export.xml", "application/xml", export),
                new news.dateline.support.SiteClient.FilePart("uploads", "uploads.zip", "application/zip", zip));

        var dryRun = admin.postMultipart("/newsroom/import?_csrf=" + token, Map.of("_csrf", token, "dryRun", "true"),
                both);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.html().select("#import-summary li").eachText())
                .anyMatch(line -> line.startsWith("Dry run, nothing written. Would import: 1 articles")
                        && line.contains("2 photos"))
                .anyMatch(line -> line.contains("not in the uploads folder: " + missing));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isEqualTo(photosBefore);
        assertThat(jdbc.sql(stories).query(Long.class).single()).isZero();

        var done = admin.postMultipart("/newsroom/import?_csrf=" + token, Map.of("_csrf", token), both);
        assertThat(done.status()).isEqualTo(200);
        List<String> summary = done.html().select("#import-summary li").eachText();
        assertThat(summary).as(String.join("\n", summary)).anyMatch(line -> line.startsWith("Imported: 1 articles")
                && line.contains("2 photos") && line.contains("1 lead photos"))
                .anyMatch(line -> line.contains("not in the uploads folder: " + missing));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isEqualTo(photosBefore + 2);
        assertThat(description(jdbc, files.get("2021/04/ferry-" + unique + ".jpg")))
                .isEqualTo("The ferry at the quay | The first ferry in a week.");
        assertThat(temporaryFiles()).isEqualTo(temporaryBefore);

        // On the story's page: the body's pictures at the library's copies (the missing one where it was), and,
        // once its sizes are made, the featured image as the lead photo.
        Document page = page(jdbc, "Ferries " + unique);
        List<String> inline = page.select("main .story-body img").eachAttr("src");
        assertThat(inline).hasSize(3);
        assertThat(inline.subList(0, 2)).allMatch(src -> src.matches("/media/library/\\d+\\.jpg"));
        assertThat(inline.get(2)).endsWith("/wp-content/uploads/" + missing);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (page.select("figure.lead-photo img").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = page(jdbc, "Ferries " + unique);
        }
        String lead = page.select("figure.lead-photo img").attr("src");
        assertThat(lead).as(page.select("main").outerHtml()).startsWith("/media/").endsWith(".jpg");
        assertThat(site().get(lead).status()).isEqualTo(200);
        assertThat(page.select("figure.lead-photo img").attr("alt")).isEqualTo("The ferry at the quay");
        var copy = site().get(inline.getFirst());
        assertThat(copy.status()).isEqualTo(302);
        assertThat(site().get(copy.header("Location")).status()).isEqualTo(200);

        // A zip with an entry outside its folder: refused beside its field, the choices kept, nothing imported.
        String other = unique + "e";
        byte[] otherExport = bodyFirstExport(other).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> evil = new java.util.LinkedHashMap<>();
        bodyFirstFiles(other, 311).forEach(evil::put);
        evil.put("../evil-" + other + ".jpg", picture(314));
        long photos = jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
        var refused = admin.postMultipart("/newsroom/import?_csrf=" + token,
                Map.of("_csrf", token, "flattenCategories", "true"), List.of(
                        new news.dateline.support.SiteClient.FilePart("file", "export.xml", "application/xml",
                                otherExport),
                        new news.dateline.support.SiteClient.FilePart("uploads", "evil.zip", "application/zip",
                                zip(evil))));
        assertThat(refused.status()).isEqualTo(422);
        Document again = refused.html();
        assertThat(again.select("#uploads-error").text()).isEqualTo("\"evil.zip\" holds \"../evil-" + other
                + ".jpg\", whose path leaves the folder it unpacks into. Nothing was imported.");
        assertThat(again.select("#uploads").attr("aria-describedby")).isEqualTo("uploads-error");
        assertThat(again.select("#flattenCategories").hasAttr("checked")).isTrue();
        assertThat(again.select("#dryRun").hasAttr("checked")).isFalse();
        assertThat(again.select("#import-summary")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE headline = 'Ferries " + other + "'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isEqualTo(photos);
        assertThat(Path.of(System.getProperty("java.io.tmpdir")).resolve("evil-" + other + ".jpg")).doesNotExist();
        assertThat(temporaryFiles()).isEqualTo(temporaryBefore);
    }

    /** The uploads zips and folders in the temporary directory (all of them gone after an import). */
    private static List<String> temporaryFiles() throws java.io.IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("dateline-uploads-")).sorted().toList();
        }
    }

    /** A zip of these entries, by name. */
    private static byte[] zip(Map<String, byte[]> entries) throws java.io.IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The library's alt text and caption of the picture of these bytes. */
    private static String description(JdbcClient jdbc, byte[] bytes) throws Exception {
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        return jdbc.sql("SELECT alt || ' | ' || caption FROM media WHERE sha256 = :sha").param("sha", sha)
                .query(String.class).single();
    }

    /** The uploads folder of {@link #bodyFirstExport}: three pictures, by their path in it. */
    private static Map<String, byte[]> bodyFirstFiles(String unique, int colour) throws java.io.IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("2021/04/ferry-" + unique + ".jpg", picture(colour));
        files.put("2021/04/gull-" + unique + ".jpg", picture(colour + 1));
        files.put("2021/04/pier-" + unique + ".jpg", picture(colour + 2));
        return files;
    }

    /**
     * A post showing three pictures (one by its resized copy, with an empty alt; one inside a link to the file,
     * whose attachment has no alt text; one whose attachment's alt text differs from the body's), then their
     * attachments, as WordPress lists them.
     */
    private static String bodyFirstExport(String unique) {
        return bodyFirstExport(unique, "");
    }

    /** The same, with {@code postMeta} (WXR postmeta elements) on the post. */
    private static String bodyFirstExport(String unique, String postMeta) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <item><title>Ferries %1$s</title><guid>https://old-%1$s.example/?p=10</guid>
                  <content:encoded><![CDATA[<p>The quay.</p>
                <p><img class="wp-image-501" src="https://old-%1$s.example/wp-content/uploads/2021/04/ferry-%1$s-300x200.jpg" alt="" width="300" height="200" /></p>
                <p><a href="https://old-%1$s.example/wp-content/uploads/2021/04/gull-%1$s.jpg"><img src="https://old-%1$s.example/wp-content/uploads/2021/04/gull-%1$s.jpg" alt="A gull, as the post says"></a></p>
                <p><img src="https://old-%1$s.example/wp-content/uploads/2021/04/pier-%1$s.jpg" alt="The pier, as the post says"></p>]]></content:encoded>
                  <wp:post_id>10</wp:post_id><wp:post_date_gmt>2021-04-02 03:04:05</wp:post_date_gmt>
                  <wp:post_name>ferries-%1$s</wp:post_name>
                  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>%5$s</item>
                %2$s
                %3$s
                %4$s
                </channel></rss>
                """.formatted(unique,
                attachment(unique, 501, "ferry", "The ferry at the quay", "The first ferry in a week."),
                attachment(unique, 502, "gull", "", "Back again."),
                attachment(unique, 503, "pier", "The pier at low tide", ""), postMeta);
    }

    private static String attachment(String unique, int id, String name, String alt, String caption) {
        String file = "2021/04/" + name + "-" + unique + ".jpg";
        return """
                <item><title>%2$s</title><guid>https://old-%1$s.example/wp-content/uploads/%3$s</guid>
                  <excerpt:encoded><![CDATA[%5$s]]></excerpt:encoded>
                  <wp:post_id>%4$d</wp:post_id><wp:post_date_gmt>2021-04-01 03:04:05</wp:post_date_gmt>
                  <wp:post_name>%2$s-%1$s</wp:post_name><wp:post_parent>10</wp:post_parent>
                  <wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
                  <wp:attachment_url>https://old-%1$s.example/wp-content/uploads/%3$s</wp:attachment_url>
                  <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>%3$s</wp:meta_value></wp:postmeta>
                  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>%6$s</wp:meta_value></wp:postmeta>
                </item>""".formatted(unique, name, file, id, caption, alt);
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
