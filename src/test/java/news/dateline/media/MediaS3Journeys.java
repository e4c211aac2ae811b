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

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
