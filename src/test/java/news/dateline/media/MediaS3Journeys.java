package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import news.dateline.platform.DataProperties;
import news.dateline.support.RunningSite;
import news.dateline.support.S3rver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The library on an S3-compatible store (s3rver, a real server on loopback that checks every signature), on both
 * databases: what is uploaded is in the bucket and nowhere on the node's disk, readers get it through
 * {@code /media/...} as from disk, a delete removes it from the bucket, and a store that cannot be reached refuses the
 * upload by name with nothing half-stored.
 */
interface MediaS3Journeys extends RunningSite {

    @BeforeAll
    static void s3rverIsInstalled() {
        S3rver.assumeInstalled();
    }

    /** The bucket this site's context was given. */
    String bucket();

    @Test
    default void aPhotoUploadedThroughTheLibraryIsInTheBucketServedFromItAndGoneFromItWhenDeleted() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        byte[] photo = TestPictures.plainJpeg(1300, 800, new java.awt.Color(30, 110, 170 + (int) (System.nanoTime() % 80)));
        String sha = MediaLibrary.sha256(photo);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("quay-" + unique + ".jpg", photo);
        assertThat(editor.uploadThroughTheForm(files).status()).isEqualTo(303);
        long id = bean(JdbcClient.class).sql("SELECT id FROM media WHERE sha256 = :sha").param("sha", sha)
                .query(Long.class).single();
        JsonNode made = editor.whenMade(id);
        assertThat(made.get("state").asString()).as(made.toString()).isEqualTo("ready");

        // In the bucket, as an operator lists it through the S3 API: the original and every derivative.
        List<String> derivatives = new ArrayList<>();
        made.get("derivatives").forEach(d -> derivatives.add(d.get("url").asString().substring("/media/".length())));
        assertThat(derivatives).hasSizeGreaterThan(10);
        List<String> keys = S3rver.keys(bucket());
        assertThat(keys).contains("originals/" + sha.substring(0, 2) + "/" + sha + ".jpg");
        for (String name : derivatives) {
            assertThat(keys).contains("public/" + name.substring(0, 2) + "/" + name);
        }
        // ... and not on this node's disk.
        assertThat(filesUnder(bean(DataProperties.class).dir().resolve("media"))).isEmpty();

        // The library's page shows it, and readers get it from the bucket with the same answers as from disk.
        String thumbnail = editor.page("/newsroom/media").select("#media-" + id + " img").attr("src");
        assertThat(thumbnail).startsWith("/media/");
        Photographer.Answer served = Photographer.anonymous(editor.base(), thumbnail);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        String name = thumbnail.substring("/media/".length());
        try (var client = S3rver.client()) {
            byte[] object = client.getObjectAsBytes(b -> b.bucket(bucket())
                    .key("public/" + name.substring(0, 2) + "/" + name)).asByteArray();
            assertThat(served.body()).isEqualTo(object);
        }
        assertThat(served.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        String etag = served.header("ETag");
        assertThat(etag).isEqualTo("\"" + name.substring(0, 64) + "\"");
        assertThat(Photographer.anonymous(editor.base(), thumbnail, "If-None-Match", etag).status()).isEqualTo(304);
        Photographer.Answer part = Photographer.anonymous(editor.base(), thumbnail, "Range", "bytes=10-59");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(served.body(), 10, 60));
        assertThat(part.header("Content-Range")).isEqualTo("bytes 10-59/" + served.body().length);
        assertThat(editor.get("/newsroom/media/" + id + "/original").body()).isEqualTo(photo);
        // The original is in the bucket too, but has no public address.
        assertThat(Photographer.anonymous(editor.base(), "/media/" + sha + ".jpg").status()).isEqualTo(404);

        assertThat(editor.post("/newsroom/media/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        List<String> left = S3rver.keys(bucket());
        assertThat(left).noneMatch(key -> key.contains(sha));
        for (String gone : derivatives) {
            assertThat(left).noneMatch(key -> key.endsWith("/" + gone));
        }
        assertThat(Photographer.anonymous(editor.base(), thumbnail).status()).isEqualTo(404);
    }

    @Test
    default void withTheStoreAwayAnUploadIsRefusedByNameAndNothingIsHalfStored() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        byte[] photo = TestPictures.plainJpeg(800, 600, new java.awt.Color(190, 60 + (int) (System.nanoTime() % 90), 40));
        String sha = MediaLibrary.sha256(photo);
        long before = bean(JdbcClient.class).sql("SELECT COUNT(*) FROM media").query(Long.class).single();
        S3rver.stop();
        try {
            Photographer.Answer refused = editor.upload("storm-" + unique + ".jpg", photo, Map.of("alt", "A storm"));
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            String expected = "\"storm-" + unique + ".jpg\" could not be stored: the photo store cannot be reached "
                    + "just now. Nothing was stored; upload it again in a few minutes.";
            assertThat(refused.json().get("detail").asString()).isEqualTo(expected);
            assertThat(refused.json().get("errors").get("file").asString()).isEqualTo(expected);
            assertThat(refused.header("Retry-After")).isNotBlank();

            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("storm-" + unique + ".jpg", photo);
            Photographer.Answer form = editor.uploadThroughTheForm(files);
            assertThat(org.jsoup.Jsoup.parse(form.text()).select("[role=alert] li").eachText())
                    .containsExactly(expected);
        } finally {
            S3rver.start();
        }
        assertThat(bean(JdbcClient.class).sql("SELECT COUNT(*) FROM media").query(Long.class).single())
                .isEqualTo(before);
        assertThat(S3rver.keys(bucket())).noneMatch(key -> key.contains(sha));

        // Back up, the same file is taken.
        JsonNode taken = editor.uploaded("storm-" + unique + ".jpg", photo, Map.of());
        assertThat(editor.whenMade(taken.get("id").asLong()).get("state").asString()).isEqualTo("ready");
        assertThat(S3rver.keys(bucket())).contains("originals/" + sha.substring(0, 2) + "/" + sha + ".jpg");
    }

    /**
     * Issue 13: replacing a picture's file on S3 (as {@code MediaJourneys} does on disk). Refused replacements (not a
     * picture; with the store away) leave the bucket and the item as they were; a replacement puts the new original
     * and sizes in the bucket, readers get the new sizes from it, and the old objects go once no row names them:
     * the picture's own crops and original, not the sizes a twin with the same pixels still shows.
     */
    @Test
    default void replacingAPicturesFileInTheBucketServesTheNewSizesAndDeletesOnlyTheUnusedOldObjects()
            throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        byte[] first = TestPictures.plainJpeg(1500, 1000, new java.awt.Color(40, 110, 60 + (int) (System.nanoTime() % 90)));
        long id = editor.uploaded("quay-" + unique + ".jpg", first, Map.of("alt", "The quay " + unique)).get("id")
                .asLong();
        editor.whenMade(id);
        // Off centre, so that its crops are its own; the twin (the same pixels in other bytes) shares the rest.
        assertThat(editor.post("/newsroom/media/" + id, Map.of("alt", "The quay " + unique, "caption", "",
                "credit", "", "source", "", "copyright", "", "focalX", "300", "focalY", "400")).status())
                .isEqualTo(303);
        JsonNode before = editor.whenMade(id);
        assertThat(before.get("state").asString()).isEqualTo("ready");
        byte[] twinBytes = TestPictures.withExif(first, TestPictures.exifApp1(1));
        long twin = editor.uploaded("twin-" + unique + ".jpg", twinBytes, Map.of()).get("id").asLong();
        List<String> twinFiles = names(editor.whenMade(twin));
        List<String> oldFiles = names(before);
        List<String> shared = oldFiles.stream().filter(twinFiles::contains).toList();
        List<String> own = oldFiles.stream().filter(name -> !twinFiles.contains(name)).toList();
        assertThat(shared).isNotEmpty();
        assertThat(own).isNotEmpty();
        String oldOriginal = "originals/" + MediaLibrary.sha256(first).substring(0, 2) + "/"
                + MediaLibrary.sha256(first) + ".jpg";
        List<String> keys = sorted(S3rver.keys(bucket()));
        assertThat(keys).contains(oldOriginal);

        // Refused: not a picture, then the store away. Nothing changes, in the library or in the bucket.
        Photographer.Answer notAPicture = editor.replaceFile(id, "notes-" + unique + ".jpg",
                "%PDF-1.4 notes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(notAPicture.status()).isEqualTo(422);
        byte[] second = TestPictures.plainJpeg(1200, 1200, new java.awt.Color(150, 30, 30 + (int) (System.nanoTime() % 90)));
        String newSha = MediaLibrary.sha256(second);
        S3rver.stop();
        try {
            Photographer.Answer away = editor.replaceFile(id, "rebuilt-" + unique + ".jpg", second);
            assertThat(away.status()).as(away.text()).isEqualTo(503);
            assertThat(away.json().get("detail").asString()).isEqualTo("\"rebuilt-" + unique + ".jpg\" could not be "
                    + "stored: the photo store cannot be reached just now. Nothing was stored; upload it again in a "
                    + "few minutes.");
            assertThat(away.header("Retry-After")).isNotBlank();
        } finally {
            S3rver.start();
        }
        assertThat(sorted(S3rver.keys(bucket()))).isEqualTo(keys);
        JsonNode unchanged = editor.get("/api/v1/media/" + id).json();
        assertThat(unchanged.get("filename").asString()).isEqualTo("quay-" + unique + ".jpg");
        assertThat(names(unchanged)).isEqualTo(oldFiles);
        for (String name : oldFiles) {
            assertThat(Photographer.anonymous(editor.base(), "/media/" + name).status()).as(name).isEqualTo(200);
        }

        // Replaced: the new original and every new size in the bucket, served from it byte for byte.
        Photographer.Answer replaced = editor.replaceFile(id, "rebuilt-" + unique + ".jpg", second);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        JsonNode made = editor.whenMade(id);
        assertThat(made.get("state").asString()).isEqualTo("ready");
        assertThat(made.get("width").asInt()).isEqualTo(1200);
        assertThat(made.get("alt").asString()).isEqualTo("The quay " + unique);
        List<String> newFiles = names(made);
        assertThat(newFiles).hasSizeGreaterThan(10).doesNotContainAnyElementsOf(oldFiles);
        List<String> after = S3rver.keys(bucket());
        assertThat(after).contains("originals/" + newSha.substring(0, 2) + "/" + newSha + ".jpg");
        try (var client = S3rver.client()) {
            for (String name : newFiles) {
                Photographer.Answer served = Photographer.anonymous(editor.base(), "/media/" + name);
                assertThat(served.status()).as(name).isEqualTo(200);
                assertThat(served.body()).as(name).isEqualTo(client.getObjectAsBytes(b -> b.bucket(bucket())
                        .key("public/" + name.substring(0, 2) + "/" + name)).asByteArray());
            }
        }

        // The old objects no row names any more are gone from the bucket; the twin's stay, and are served.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!gone(S3rver.keys(bucket()), oldOriginal, own) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> left = S3rver.keys(bucket());
        assertThat(left).doesNotContain(oldOriginal);
        for (String name : own) {
            assertThat(left).doesNotContain("public/" + name.substring(0, 2) + "/" + name);
            assertThat(Photographer.anonymous(editor.base(), "/media/" + name).status()).as(name).isEqualTo(404);
        }
        for (String name : shared) {
            assertThat(left).contains("public/" + name.substring(0, 2) + "/" + name);
            assertThat(Photographer.anonymous(editor.base(), "/media/" + name).status()).as(name).isEqualTo(200);
        }
        String twinOriginal = MediaLibrary.sha256(twinBytes);
        assertThat(left).contains("originals/" + twinOriginal.substring(0, 2) + "/" + twinOriginal + ".jpg");
    }

    /** The names of an item's derivatives ({@code <sha256>.<ext>}), as the API lists them. */
    private static List<String> names(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.get("derivatives").forEach(d -> names.add(d.get("url").asString().substring("/media/".length())));
        return names;
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static boolean gone(List<String> keys, String original, List<String> names) {
        return !keys.contains(original)
                && names.stream().noneMatch(name -> keys.contains("public/" + name.substring(0, 2) + "/" + name));
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
