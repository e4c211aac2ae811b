package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import news.dateline.platform.DataProperties;
import news.dateline.support.RunningSite;
import news.dateline.support.StoryBuilder.Written;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The photo library, as the newsroom puts pictures in and readers get them out, on both databases. */
interface MediaJourneys extends RunningSite {

    @Test
    default void aPhotoWithGpsAndASerialNumberIsServedUprightWithNoneOfIt() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        byte[] leaky = TestPictures.leakyRotatedJpeg(800, 400);
        // The upload does carry what a source must not leak.
        Metadata sent = ImageMetadataReader.readMetadata(new ByteArrayInputStream(leaky));
        assertThat(directories(sent)).contains("GPS", "Exif IFD0", "Exif SubIFD");
        assertThat(new String(leaky, StandardCharsets.ISO_8859_1)).contains(TestPictures.SERIAL);

        Photographer.Answer uploaded = editor.upload("protest-" + System.nanoTime() + ".jpg", leaky,
                Map.of("alt", "Marchers on the bridge", "caption", "The march crosses the river.",
                        "credit", "Photo: A. Reporter"));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode item = uploaded.json();
        long id = item.get("id").asLong();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/media/" + id);
        // Upright: the camera was turned, so the picture is as tall as the stored one was wide.
        assertThat(item.get("width").asInt()).isEqualTo(400);
        assertThat(item.get("height").asInt()).isEqualTo(800);
        assertThat(item.get("alt").asString()).isEqualTo("Marchers on the bridge");

        JsonNode made = editor.whenMade(id);
        assertThat(made.get("state").asString()).as(made.toString()).isEqualTo("ready");
        List<JsonNode> files = new ArrayList<>();
        made.get("derivatives").forEach(files::add);
        assertThat(files).extracting(f -> f.get("crop").asString())
                .contains("full", "16x9", "4x3", "1x1", "share");
        assertThat(files).extracting(f -> f.get("format").asString()).contains("jpeg", "webp");
        JsonNode share = files.stream().filter(f -> f.get("crop").asString().equals("share")).findFirst().orElseThrow();
        assertThat(share.get("width").asInt() * 630).isEqualTo(share.get("height").asInt() * 1200);

        for (JsonNode file : files) {
            Photographer.Answer served = Photographer.anonymous(editor.base(), file.get("url").asString());
            assertThat(served.status()).as(file.toString()).isEqualTo(200);
            Metadata kept = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served.body()));
            assertThat(directories(kept)).as(file.toString())
                    .noneMatch(d -> d.startsWith("Exif") || d.startsWith("GPS") || d.equals("XMP")
                            || d.equals("IPTC") || d.equals("Photoshop") || d.equals("ICC Profile"));
            String raw = new String(served.body(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(TestPictures.SERIAL).doesNotContain(TestPictures.OWNER);
        }
        JsonNode full = files.stream().filter(f -> f.get("crop").asString().equals("full")
                && f.get("format").asString().equals("jpeg")).findFirst().orElseThrow();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(
                Photographer.anonymous(editor.base(), full.get("url").asString()).body()));
        assertThat(shown.getHeight()).isGreaterThan(shown.getWidth());
        // Turned a quarter clockwise, the red left half of the stored picture is on top.
        assertThat(isRed(shown.getRGB(shown.getWidth() / 2, shown.getHeight() / 8))).isTrue();
        assertThat(isBlue(shown.getRGB(shown.getWidth() / 2, shown.getHeight() * 7 / 8))).isTrue();
    }

    @Test
    default void aServedFileIsImmutableAnswersConditionalAndRangeRequestsAndTheOriginalIsNeverServed()
            throws Exception {
        Photographer author = Photographer.as(this, "author");
        byte[] photo = TestPictures.plainJpeg(700, 500, java.awt.Color.GREEN);
        JsonNode item = author.uploaded("harbour.jpg", photo, Map.of());
        JsonNode made = author.whenMade(item.get("id").asLong());
        String url = made.get("derivatives").get(0).get("url").asString();

        Photographer.Answer first = Photographer.anonymous(author.base(), url);
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"" + url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('.')) + "\"");
        assertThat(Photographer.anonymous(author.base(), url, "If-None-Match", etag).status()).isEqualTo(304);
        Photographer.Answer part = Photographer.anonymous(author.base(), url, "Range", "bytes=0-99");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).hasSize(100).isEqualTo(java.util.Arrays.copyOf(first.body(), 100));
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-99/" + first.body().length);

        // The upload as sent (metadata and all) has no public address.
        String original = MediaLibrary.sha256(photo);
        assertThat(Photographer.anonymous(author.base(), "/media/" + original + ".jpg").status()).isEqualTo(404);
        assertThat(Photographer.anonymous(author.base(), "/media/../originals/" + original + ".jpg").status())
                .isIn(400, 404);
    }

    @Test
    default void aPdfNamedJpgIsRefusedNamingTheFileAndNothingIsStored() throws IOException {
        Photographer editor = Photographer.as(this, "editor");
        long before = libraryCount();
        long filesBefore = storedFiles();
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Photographer.Answer refused = editor.upload("invoice-2026.jpg", pdf, Map.of("alt", "An invoice"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("\"invoice-2026.jpg\" is not a picture we can use: it is a PDF document. "
                        + "Upload a JPEG, PNG, GIF or WebP file.");
        assertThat(refused.json().get("errors").get("file").asString()).contains("invoice-2026.jpg");

        Photographer.Answer svg = editor.upload("logo.jpg",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(svg.status()).isEqualTo(422);
        assertThat(svg.json().get("detail").asString()).startsWith("\"logo.jpg\" is an SVG drawing.")
                .contains("export it as PNG");

        byte[] whole = TestPictures.plainJpeg(640, 480, java.awt.Color.ORANGE);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
        Photographer.Answer cut = editor.upload("cut-short.jpg", truncated, Map.of());
        assertThat(cut.status()).isEqualTo(422);
        assertThat(cut.json().get("detail").asString()).startsWith("\"cut-short.jpg\" could not be read to the end")
                .endsWith("Nothing was stored; upload it again.");

        assertThat(libraryCount()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    default void aDecompressionBombIsRefusedWithinASecondUndecoded() {
        Photographer editor = Photographer.as(this, "editor");
        byte[] bomb = TestPictures.bombPng(60_000, 60_000);
        long started = System.nanoTime();
        Photographer.Answer refused = editor.upload("huge.png", bomb, Map.of());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("\"huge.png\" is 60000 × 60000 pixels (3600 megapixels): at most 100 megapixels are "
                        + "taken. Scale it down first.");
        assertThat(millis).as("answered in %d ms", millis).isLessThan(1000);
    }

    @Test
    default void theSamePhotoSentTwiceAtOnceIsStoredOnce() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        Photographer other = Photographer.as(this, "author");
        byte[] photo = TestPictures.plainJpeg(900, 600, new java.awt.Color(20, 90, 160 + (int) (System.nanoTime() % 90)));
        String sha = MediaLibrary.sha256(photo);
        List<Callable<Photographer.Answer>> uploads = List.of(
                () -> editor.upload("a.jpg", photo, Map.of()), () -> other.upload("b.jpg", photo, Map.of()),
                () -> editor.upload("c.jpg", photo, Map.of()), () -> other.upload("d.jpg", photo, Map.of()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> ids = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Photographer.Answer> answer : pool.invokeAll(uploads)) {
                statuses.add(answer.get().status());
                assertThat(answer.get().status()).as(answer.get().text()).isIn(200, 201);
                ids.add(answer.get().json().get("id").asLong());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ids).as("one item for the same bytes").containsOnly(ids.getFirst());
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(bean(JdbcClient.class).sql("SELECT COUNT(*) FROM media WHERE sha256 = :sha").param("sha", sha)
                .query(Long.class).single()).isEqualTo(1);
        try (Stream<Path> files = Files.walk(mediaDirectory())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(sha))).hasSize(1);
        }
        editor.whenMade(ids.getFirst());
    }

    @Test
    default void aContributorMayNotUploadAndAReaderCannotSeeTheApi() {
        Photographer contributor = Photographer.as(this, "contributor");
        Photographer.Answer refused = contributor.upload("mine.jpg",
                TestPictures.plainJpeg(100, 100, java.awt.Color.RED), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Photographer.anonymous(contributor.base(), "/api/v1/media/1").status()).isEqualTo(401);
    }

    @Test
    default void anEditorUploadsSeveralPhotosDescribesOneAndDeletesOnlyWhatNoStoryUses() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        byte[] harbour = TestPictures.plainJpeg(1000, 700, new java.awt.Color(10, 120, 200));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("harbour-" + unique + ".jpg", harbour);
        files.put("minutes-" + unique + ".jpg", "%PDF-1.4 minutes".getBytes(StandardCharsets.US_ASCII));
        Photographer.Answer sent = editor.uploadThroughTheForm(files);
        assertThat(sent.status()).isEqualTo(200);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(sent.text());
        assertThat(page.select("[role=alert] li").eachText()).containsExactly("\"minutes-" + unique
                + ".jpg\" is not a picture we can use: it is a PDF document. Upload a JPEG, PNG, GIF or WebP file.");
        long id = bean(JdbcClient.class).sql("SELECT id FROM media WHERE filename = :f")
                .param("f", "harbour-" + unique + ".jpg").query(Long.class).single();
        editor.whenMade(id);
        org.jsoup.nodes.Document library = editor.page("/newsroom/media");
        assertThat(library.select("#media-" + id + " img").attr("src")).startsWith("/media/").endsWith(".jpg");
        assertThat(library.select("#media-" + id + " .media-warning").text()).isEqualTo("No alt text");

        // Described, with the focal point as two numbers (no script needed).
        Photographer.Answer bad = editor.post("/newsroom/media/" + id, Map.of("alt", "Boats at dawn " + unique,
                "caption", "Fishing boats leave the harbour.", "credit", "Photo: Test Desk", "focalX", "2000",
                "focalY", "300"));
        assertThat(bad.status()).isEqualTo(422);
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(bad.text());
        assertThat(refused.select("#focalX-error").text()).isEqualTo(MediaMessages.FOCAL);
        assertThat(refused.select("#alt").attr("value")).isEqualTo("Boats at dawn " + unique);
        Written story = news.dateline.support.StoryBuilder.story(this, "Boats return " + unique).write();
        bean(JdbcClient.class).sql("INSERT INTO media_use (media_id, article_id, role) VALUES (:m, :a, 'lead')")
                .param("m", id).param("a", story.id()).update();
        long changesBefore = changesOf(story.id());
        Photographer.Answer saved = editor.post("/newsroom/media/" + id, Map.of("alt", "Boats at dawn " + unique,
                "caption", "Fishing boats leave the harbour.", "credit", "Photo: Test Desk", "focalX", "250",
                "focalY", "300"));
        assertThat(saved.status()).isEqualTo(303);
        JsonNode described = editor.whenMade(id);
        assertThat(described.get("alt").asString()).isEqualTo("Boats at dawn " + unique);
        assertThat(described.get("focalPoint").get("x").asInt()).isEqualTo(250);
        assertThat(described.get("state").asString()).isEqualTo("ready");
        // The story showing it is told (its cached pages are dropped), on the one change path.
        assertThat(changesOf(story.id())).isGreaterThan(changesBefore);

        assertThat(editor.page("/newsroom/media?q=fishing+boats").select("#media-" + id)).hasSize(1);
        assertThat(editor.page("/newsroom/media?q=test+desk").select("#media-" + id)).hasSize(1);
        assertThat(editor.page("/newsroom/media?q=harbour-" + unique).select("#media-" + id)).hasSize(1);
        assertThat(editor.page("/newsroom/media?q=volcano").select("#media-" + id)).isEmpty();
        org.jsoup.nodes.Document item = editor.page("/newsroom/media/" + id);
        assertThat(item.select(".media-uses li").text()).isEqualTo("Boats return " + unique + " (lead photo)");

        Photographer.Answer original = editor.get("/newsroom/media/" + id + "/original");
        assertThat(original.body()).isEqualTo(harbour);
        assertThat(original.header("Content-Disposition")).startsWith("attachment;");

        Photographer.Answer inUse = editor.post("/newsroom/media/" + id + "/delete", Map.of());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(org.jsoup.Jsoup.parse(inUse.text()).select("[role=alert]").text())
                .isEqualTo("\"harbour-" + unique + ".jpg\" is used by 1 stories: take it off them before deleting it.");
        bean(JdbcClient.class).sql("DELETE FROM media_use WHERE media_id = :m").param("m", id).update();
        String thumbnail = editor.page("/newsroom/media").select("#media-" + id + " img").attr("src");
        assertThat(editor.post("/newsroom/media/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(editor.get("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(Photographer.anonymous(editor.base(), thumbnail).status()).isEqualTo(404);
    }

    @Test
    default void aPictureWhoseSizesCannotBeMadeIsTriedAgainThenShownAsFailedAndCanBeRetried() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        byte[] photo = TestPictures.plainJpeg(640, 360, new java.awt.Color(200, 40, 90 + (int) (System.nanoTime() % 100)));
        long id = editor.uploaded("damaged-later.jpg", photo, Map.of()).get("id").asLong();
        editor.whenMade(id);
        // The stored original is damaged behind the library's back, and its sizes are asked for again.
        Path original = mediaDirectory().resolve("originals").resolve(MediaLibrary.sha256(photo).substring(0, 2))
                .resolve(MediaLibrary.sha256(photo) + ".jpg");
        Files.write(original, java.util.Arrays.copyOf(photo, 200));
        bean(JdbcClient.class).sql("UPDATE media SET state = 'pending' WHERE id = :id").param("id", id).update();
        bean(DerivativeQueue.class).submit(id);

        JsonNode failed = editor.whenMade(id);
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(bean(JdbcClient.class).sql("SELECT attempts FROM media WHERE id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(editor.page("/newsroom/media").select("#media-" + id + " .media-state").text())
                .startsWith("Failed: ");
        assertThat(editor.page("/newsroom/media/" + id).select("[role=alert] p").text())
                .startsWith("Its sizes could not be made: ");

        Files.write(original, photo);
        assertThat(editor.post("/newsroom/media/" + id + "/retry", Map.of()).status()).isEqualTo(303);
        assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");
    }

    @Test
    default void anEditorReplacesALeadPhotosFileAndReadersGetTheNewPictureWithEveryUseKept() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        byte[] first = TestPictures.plainJpeg(1500, 1000, new java.awt.Color(40, 110, 60));
        long id = editor.uploaded("quay-" + unique + ".jpg", first, Map.of("alt", "The quay " + unique,
                "caption", "Boats at the quay.", "credit", "Photo: Harbour Desk")).get("id").asLong();
        editor.whenMade(id);
        // Off centre: its crops are its own; its own shape (the srcset) does not depend on the focal point.
        assertThat(editor.post("/newsroom/media/" + id, Map.of("alt", "The quay " + unique, "caption",
                "Boats at the quay.", "credit", "Photo: Harbour Desk", "source", "Harbour archive",
                "copyright", "© Harbour Desk", "focalX", "300", "focalY", "400")).status()).isEqualTo(303);
        editor.whenMade(id);
        // The same pixels in other bytes (an EXIF block saying "upright"): another item, the same files of its shape.
        byte[] twinBytes = TestPictures.withExif(first, TestPictures.exifApp1(1));
        long twin = editor.uploaded("twin-" + unique + ".jpg", twinBytes, Map.of()).get("id").asLong();
        editor.whenMade(twin);
        Written story = news.dateline.support.StoryBuilder.story(this, "The quay is rebuilt " + unique)
                .body("A new quay.\n\n![](media:" + id + ")\n").write();
        Map<String, String> form = editorForm(editor, story.id());
        form.put("leadPhoto", Long.toString(id));
        assertThat(editor.post("/newsroom/articles/" + story.id(), form).status()).isEqualTo(302);
        org.jsoup.nodes.Document before = reader(editor, story.path());
        String oldSrcset = before.select("figure.lead-photo img").attr("srcset");
        String oldShare = before.select("meta[property=og:image]").attr("content");
        assertThat(oldSrcset).contains(".jpg 320w");
        assertThat(oldShare).contains("/media/");
        oldShare = oldShare.substring(oldShare.indexOf("/media/"));
        String usesBefore = editor.page("/newsroom/media/" + id).select(".media-uses li").text();
        assertThat(usesBefore).contains("(lead photo)").contains("(in the text)");
        String oldOriginal = MediaLibrary.sha256(first);

        // Refused (not a picture; the twin's bytes; its own bytes): nothing changes, the message is beside the field.
        Photographer.Answer notAPicture = editor.replaceThroughTheForm(id, "notes-" + unique + ".jpg",
                "%PDF-1.4 notes".getBytes(StandardCharsets.US_ASCII));
        assertThat(notAPicture.status()).isEqualTo(422);
        org.jsoup.nodes.Document refusedPage = org.jsoup.Jsoup.parse(notAPicture.text());
        assertThat(refusedPage.select("#file-error").text()).isEqualTo("\"notes-" + unique
                + ".jpg\" is not a picture we can use: it is a PDF document. Upload a JPEG, PNG, GIF or WebP file.");
        assertThat(refusedPage.select("#alt").attr("value")).isEqualTo("The quay " + unique);
        Photographer.Answer twinRefused = editor.replaceFile(id, "copy.jpg", twinBytes);
        assertThat(twinRefused.status()).isEqualTo(422);
        assertThat(twinRefused.contentType()).startsWith("application/problem+json");
        assertThat(twinRefused.json().get("detail").asString()).isEqualTo("\"copy.jpg\" is in the library already, "
                + "as picture #" + twin + " (\"twin-" + unique + ".jpg\"): use that one where you want it, or delete "
                + "it first. Nothing was changed.");
        assertThat(editor.replaceFile(id, "again.jpg", first).json().get("errors").get("file").asString())
                .isEqualTo("\"again.jpg\" is the file this picture has already: nothing was changed.");
        JsonNode unchanged = editor.get("/api/v1/media/" + id).json();
        assertThat(unchanged.get("filename").asString()).isEqualTo("quay-" + unique + ".jpg");
        assertThat(unchanged.get("state").asString()).isEqualTo("ready");
        assertThat(reader(editor, story.path()).select("figure.lead-photo img").attr("srcset")).isEqualTo(oldSrcset);
        assertThat(Files.exists(original(oldOriginal))).isTrue();

        // Replaced with a square picture: another shape, so the focal point goes back to the centre.
        byte[] second = TestPictures.plainJpeg(1200, 1200, new java.awt.Color(150, 30, 30));
        Photographer.Answer replaced = editor.replaceThroughTheForm(id, "quay-rebuilt-" + unique + ".jpg", second);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(303);
        assertThat(replaced.header("Location")).isEqualTo("/newsroom/media/" + id);
        // Until its new sizes are ready the page shows the old picture, never none.
        assertThat(reader(editor, story.path()).select("figure.lead-photo img").attr("srcset")).isNotBlank();
        JsonNode made = editor.whenMade(id);
        assertThat(made.get("state").asString()).isEqualTo("ready");
        assertThat(made.get("id").asLong()).isEqualTo(id);
        assertThat(made.get("filename").asString()).isEqualTo("quay-rebuilt-" + unique + ".jpg");
        assertThat(made.get("width").asInt()).isEqualTo(1200);
        assertThat(made.get("alt").asString()).isEqualTo("The quay " + unique);
        assertThat(made.get("caption").asString()).isEqualTo("Boats at the quay.");
        assertThat(made.get("credit").asString()).isEqualTo("Photo: Harbour Desk");
        assertThat(made.get("source").asString()).isEqualTo("Harbour archive");
        assertThat(made.get("copyright").asString()).isEqualTo("© Harbour Desk");
        assertThat(made.get("focalPoint").get("x").asInt()).isEqualTo(500);
        assertThat(made.get("focalPoint").get("y").asInt()).isEqualTo(500);
        List<String> newFiles = new ArrayList<>();
        made.get("derivatives").forEach(d -> newFiles.add(d.get("url").asString()));

        // The cached article is drawn again with the new sizes: its srcset names the new files' hashes.
        org.jsoup.nodes.Document after = reader(editor, story.path());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (after.select("figure.lead-photo img").attr("srcset").equals(oldSrcset)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = reader(editor, story.path());
        }
        org.jsoup.nodes.Element img = after.selectFirst("figure.lead-photo img");
        List<String> srcset = urls(img.attr("srcset"));
        assertThat(newFiles).containsAll(srcset);
        assertThat(srcset).doesNotContainAnyElementsOf(urls(oldSrcset));
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("960");
        assertThat(img.attr("alt")).isEqualTo("The quay " + unique);
        assertThat(after.select("figure.inline-photo img").attr("srcset")).isEqualTo(img.attr("srcset"));
        for (String url : srcset) {
            assertThat(Photographer.anonymous(editor.base(), url).status()).as(url).isEqualTo(200);
        }
        assertThat(editor.page("/newsroom/media/" + id).select(".media-uses li").text()).isEqualTo(usesBefore);

        // The old files go once nothing names them: its own crops and its original; the files of its old shape
        // stay, because the twin has the same ones.
        assertThat(pollStatus(editor, oldShare, 404)).as(oldShare).isEqualTo(404);
        assertThat(Files.exists(original(oldOriginal))).isFalse();
        for (String url : urls(oldSrcset)) {
            assertThat(Photographer.anonymous(editor.base(), url).status()).as(url).isEqualTo(200);
        }
        assertThat(editor.get("/api/v1/media/" + twin).json().get("derivatives").toString())
                .contains(urls(oldSrcset).getFirst());
    }

    private static List<String> urls(String srcset) {
        return java.util.Arrays.stream(srcset.split(",")).map(String::strip).map(c -> c.split(" ")[0]).toList();
    }

    private static org.jsoup.nodes.Document reader(Photographer editor, String path) {
        Photographer.Answer page = Photographer.anonymous(editor.base(), path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return org.jsoup.Jsoup.parse(page.text());
    }

    /** The editor's form as the page fills it in (what a browser would send on "Save"). */
    private static Map<String, String> editorForm(Photographer editor, long articleId) {
        org.jsoup.nodes.Document page = editor.page("/newsroom/articles/" + articleId);
        org.jsoup.nodes.FormElement form = (org.jsoup.nodes.FormElement) page.selectFirst("form#editor");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        fields.put("action", "save");
        return fields;
    }

    /** The status a reader gets for the path, asked again until it is {@code wanted} or 10 s have passed. */
    private static int pollStatus(Photographer editor, String path, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        int status;
        while ((status = Photographer.anonymous(editor.base(), path).status()) != wanted
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return status;
    }

    private Path original(String sha256) {
        return mediaDirectory().resolve("originals").resolve(sha256.substring(0, 2)).resolve(sha256 + ".jpg");
    }

    private long changesOf(long articleId) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM change_log WHERE article_id = :a")
                .param("a", articleId).query(Long.class).single();
    }

    private long libraryCount() {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM media").query(Long.class).single();
    }

    private Path mediaDirectory() {
        return bean(DataProperties.class).dir().resolve("media");
    }

    private long storedFiles() throws IOException {
        if (!Files.exists(mediaDirectory())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(mediaDirectory())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static List<String> directories(Metadata metadata) {
        List<String> names = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            names.add(directory.getName());
        }
        return names;
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 180 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;
    }

    private static boolean isBlue(int rgb) {
        return ((rgb >> 16) & 0xFF) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) > 180;
    }
}
