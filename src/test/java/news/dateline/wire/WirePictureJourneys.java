package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import news.dateline.media.TestPictures;
import news.dateline.story.EditorialRepository;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryEdits;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agency pictures into the photo library (docs/wire.md, "Pictures"): a picture item dropped with its JPEG beside it
 * becomes a library photo with the agency's credit, copyright and caption; a text item that associates it gives the
 * story made from it its lead photo; a newer version updates it; a kill takes it off every page that shows it.
 */
interface WirePictureJourneys extends RunningSite {

    @Test
    default void aNinjsPictureWithItsJpegBesideItBecomesALibraryPhotoListedOnTheDesk() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Harbour" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        beside(folder, word + "-small.jpg", TestPictures.plainJpeg(120, 80, Color.RED));
        beside(folder, word + ".jpg", TestPictures.plainJpeg(900, 600, Color.BLUE));
        folder.drop(word + ".json", ninjsPicture(uri, 1, "usable", word, "Boats in the harbour at dawn.",
                word + ".jpg", word + "-small.jpg"));

        // Stored, moved with its pictures, and the largest rendition the agency calls original is in the library.
        assertThat(folder.processed().resolve(word + ".json")).exists();
        assertThat(folder.processed().resolve(word + ".jpg")).exists();
        assertThat(folder.processed().resolve(word + "-small.jpg")).as("the other rendition goes with it").exists();
        long mediaId = mediaOf(uri);
        Map<String, Object> photo = media(mediaId);
        assertThat(photo.get("width")).isEqualTo(900);
        assertThat(photo.get("caption")).isEqualTo("Boats in the harbour at dawn.");
        assertThat(photo.get("alt")).isEqualTo("Boats in the harbour at dawn.");
        assertThat(photo.get("credit")).isEqualTo("Kari Nordmann/NTB");
        assertThat(photo.get("copyright")).isEqualTo("© NTB 2026. Editorial use only");
        assertThat(photo.get("source")).isEqualTo("wire");
        awaitReady(mediaId);
        assertThat(count("SELECT COUNT(*) FROM media_derivative WHERE media_id = " + mediaId)).isPositive();

        // The desk lists it with the library's thumbnail, the credit and a link to the library item.
        Document desk = NewsroomForms.as(this, "editor").get("/newsroom/wire").html();
        Element row = desk.selectFirst("#wire-" + itemId(uri));
        assertThat(row).as("on the desk").isNotNull();
        assertThat(row.select("a.wire-library").attr("href")).isEqualTo("/newsroom/media/" + mediaId);
        assertThat(row.select("img.wire-thumbnail").attr("src")).startsWith("/media/");
        assertThat(row.select(".wire-credit").text()).isEqualTo("Kari Nordmann/NTB");
    }

    @Test
    default void aNewsMlG2PictureBecomesALibraryPhotoFromItsHighResRendition() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Glacier" + System.nanoTime();
        String guid = "urn:newsml:example.com:20261201:" + word;
        beside(folder, word + "-thumb.jpg", TestPictures.plainJpeg(160, 120, Color.GREEN));
        beside(folder, word + "-high.jpg", TestPictures.plainJpeg(800, 600, Color.GRAY));
        folder.drop(word + ".xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="1" standard="NewsML-G2">
                  <rightsInfo>
                    <copyrightHolder><name>Example Agency</name></copyrightHolder>
                    <copyrightNotice>Copyright 2026 Example Agency</copyrightNotice>
                    <usageTerms>No archive</usageTerms>
                  </rightsInfo>
                  <itemMeta>
                    <itemClass qcode="ninat:picture"/>
                    <provider qcode="nprov:example"><name>Example Agency</name></provider>
                    <versionCreated>2026-12-01T09:30:00Z</versionCreated>
                    <pubStatus qcode="stat:usable"/>
                  </itemMeta>
                  <contentMeta>
                    <creditline>Anna Berg/Example</creditline>
                    <headline>%s glacier</headline>
                    <description role="drol:caption">The glacier's edge in the morning.</description>
                  </contentMeta>
                  <contentSet>
                    <remoteContent href="%s-thumb.jpg" rendition="rnd:thumbnail" contenttype="image/jpeg" width="160" height="120"/>
                    <remoteContent href="%s-high.jpg" rendition="rnd:highRes" contenttype="image/jpeg" width="800" height="600"/>
                  </contentSet>
                </newsItem>
                """.formatted(guid, word, word, word));

        long mediaId = mediaOf(guid);
        Map<String, Object> photo = media(mediaId);
        assertThat(photo.get("width")).isEqualTo(800);
        assertThat(photo.get("caption")).isEqualTo("The glacier's edge in the morning.");
        assertThat(photo.get("credit")).isEqualTo("Anna Berg/Example");
        assertThat(photo.get("copyright")).isEqualTo("Copyright 2026 Example Agency. No archive");
        assertThat(folder.processed().resolve(word + "-high.jpg")).exists();
        awaitReady(mediaId);
    }

    @Test
    default void aTextItemAssociatingAPictureGivesTheDraftItsLeadPhotoAndANewerVersionUpdatesTheCaption()
            throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Ferry" + System.nanoTime();
        String pictureUri = "urn:newsml:ntb.no:20261201:" + word + "-photo";
        beside(folder, word + ".jpg", TestPictures.plainJpeg(640, 480, Color.ORANGE));
        folder.drop(word + "-photo.json", ninjsPicture(pictureUri, 1, "usable", word, "The ferry at the quay.",
                word + ".jpg", null));
        long mediaId = mediaOf(pictureUri);

        String textUri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + ".json", textAssociating(textUri, word + " ferry back in service", pictureUri));
        Page used = NewsroomForms.as(this, "editor").post("/newsroom/wire/" + itemId(textUri) + "/use");
        assertThat(used.status()).isEqualTo(303);
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        assertThat(leadOf(articleId)).as("the draft's lead photo").isEqualTo(mediaId);

        // Version 2 of the picture: the same library item, its caption the new one.
        beside(folder, word + "-v2.jpg", TestPictures.plainJpeg(640, 480, Color.MAGENTA));
        folder.drop(word + "-photo-v2.json", ninjsPicture(pictureUri, 2, "usable", word,
                "The ferry leaves the quay for the first time in a week.", word + "-v2.jpg", null));
        assertThat(mediaOf(pictureUri)).isEqualTo(mediaId);
        assertThat(media(mediaId).get("caption")).isEqualTo("The ferry leaves the quay for the first time in a week.");
        assertThat(leadOf(articleId)).isEqualTo(mediaId);

        // An older version is ignored, as for text.
        beside(folder, word + "-v1.jpg", TestPictures.plainJpeg(640, 480, Color.CYAN));
        folder.drop(word + "-photo-v1.json", ninjsPicture(pictureUri, 1, "usable", word, "An older caption.",
                word + "-v1.jpg", null));
        assertThat(media(mediaId).get("caption")).isEqualTo("The ferry leaves the quay for the first time in a week.");
    }

    @Test
    default void aKilledPictureLeavesThePublishedStorysCachedPageAndCannotBeChosenAgain() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Bridge" + System.nanoTime();
        String pictureUri = "urn:newsml:ntb.no:20261201:" + word + "-photo";
        beside(folder, word + ".jpg", TestPictures.plainJpeg(800, 600, Color.PINK));
        folder.drop(word + "-photo.json", ninjsPicture(pictureUri, 1, "usable", word, "The bridge before dawn.",
                word + ".jpg", null));
        long mediaId = mediaOf(pictureUri);
        awaitReady(mediaId);
        String textUri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + ".json", textAssociating(textUri, word + " bridge reopens", pictureUri));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Page used = editor.post("/newsroom/wire/" + itemId(textUri) + "/use");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        StoryEdits.publish(this, articleId);
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();

        site().get(path);
        Page cached = site().get(path);
        assertThat(cached.header("X-Cache")).isEqualTo("hit");
        assertThat(cached.html().select("figure.lead-photo img")).as("the lead photo on the cached page").hasSize(1);

        folder.drop(word + "-photo-kill.json", ninjsPicture(pictureUri, 2, "canceled", word, "The bridge before dawn.",
                word + ".jpg", null));
        Page after = site().get(path);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("X-Cache")).as("the cached page was dropped").isNotEqualTo("hit");
        assertThat(after.html().select("figure.lead-photo")).as("no photo, not a broken one").isEmpty();
        assertThat(after.body()).doesNotContain("The bridge before dawn.");
        assertThat(count("SELECT COUNT(*) FROM media WHERE id = " + mediaId + " AND killed_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM media_derivative WHERE media_id = " + mediaId)).isZero();

        // It may not be chosen again: the editor's list leaves it out, and choosing it by number is refused.
        Document form = editor.get("/newsroom/articles/" + articleId).html();
        assertThat(form.select("select[name=leadPhoto] option[value=" + mediaId + "]")).isEmpty();
        assertThat(leadChoiceRefused(articleId, mediaId)).isTrue();
    }

    @Test
    default void aPictureItemWhoseFileIsMissingLandsInErrorWithAReasonNamingTheFile() throws Exception {
        WireFolder folder = new WireFolder(this);
        String word = "Missing" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + ".json", ninjsPicture(uri, 1, "usable", word, "Not there.", word + ".jpg", null));

        assertThat(folder.error().resolve(word + ".json")).exists();
        assertThat(folder.error().resolve(word + ".json.reason.txt")).content()
                .contains("\"" + word + ".jpg\"").contains("not in the folder");
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE guid = '" + uri + "'")).isZero();

        // A file beside it that is no picture is refused by the library's own check, naming it.
        beside(folder, word + "-fake.jpg", "%PDF-1.4 not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        folder.drop(word + "-fake.json", ninjsPicture(uri, 1, "usable", word, "Fake.", word + "-fake.jpg", null));
        assertThat(folder.error().resolve(word + "-fake.json.reason.txt")).content()
                .contains("refused by the photo library").contains(word + "-fake.jpg");

        // An address outside the folder is refused, whatever is there.
        folder.drop(word + "-out.json", ninjsPicture(uri, 1, "usable", word, "Out.", "../processed/x.jpg", null));
        assertThat(folder.error().resolve(word + "-out.json.reason.txt")).content()
                .contains("outside the provider's folder");
    }

    /** A ninjs 2 picture item with its original (and optionally a thumbnail) rendition beside it. */
    private static String ninjsPicture(String uri, int version, String pubStatus, String word, String caption,
            String original, String thumbnail) {
        String small = thumbnail == null ? "" : """
                , {"name": "thumbnail", "href": "%s", "contenttype": "image/jpeg", "width": 120, "height": 80}"""
                .formatted(thumbnail);
        return """
                {"uri": "%s", "type": "picture", "version": "%d", "versioncreated": "2026-12-01T10:%02d:00Z",
                 "pubstatus": "%s", "by": "Kari Nordmann/NTB", "copyrightholder": "NTB",
                 "copyrightnotice": "© NTB 2026", "usageterms": "Editorial use only",
                 "headlines": [{"role": "main", "value": "%s at dawn"}],
                 "descriptions": [{"role": "caption", "value": "%s"}],
                 "renditions": [{"name": "original", "href": "%s", "contenttype": "image/jpeg", "width": 900,
                                 "height": 600}%s]}
                """.formatted(uri, version, version, pubStatus, word, caption, original, small);
    }

    /** A ninjs 3 text item associating a picture by its uri. */
    private static String textAssociating(String uri, String headline, String pictureUri) {
        return """
                {"uri": "%s", "type": "text", "version": "1", "versionCreated": "2026-12-01T11:00:00Z",
                 "pubStatus": "usable", "copyrightHolder": "NTB",
                 "headlines": [{"role": "main", "value": "%s"}],
                 "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Back in service.</p>"}],
                 "associations": [{"name": "a001", "type": "picture", "uri": "%s"}]}
                """.formatted(uri, headline, pictureUri);
    }

    /** A picture put beside the item in incoming/ before the item arrives (the intake leaves it for the item). */
    private static void beside(WireFolder folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder.incoming());
        Files.write(folder.incoming().resolve(name), bytes);
    }

    private long mediaOf(String guid) {
        Long media = bean(JdbcClient.class).sql("SELECT media_id FROM wire_item WHERE guid = :guid")
                .param("guid", guid).query(Long.class).optional().orElse(null);
        assertThat(media).as("the library item of " + guid).isNotNull();
        return media;
    }

    private long itemId(String guid) {
        return bean(JdbcClient.class).sql("SELECT id FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(Long.class).single();
    }

    private Map<String, Object> media(long id) {
        return bean(JdbcClient.class).sql("SELECT width, caption, alt, credit, copyright, source FROM media WHERE id = :id")
                .param("id", id).query().singleRow().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                        e -> e.getValue() instanceof Number n ? (Object) n.intValue() : e.getValue()));
    }

    private Long leadOf(long articleId) {
        return bean(JdbcClient.class).sql("SELECT media_id FROM media_use WHERE article_id = :a AND role = 'lead'")
                .param("a", articleId).query(Long.class).optional().orElse(null);
    }

    private boolean leadChoiceRefused(long articleId, long mediaId) {
        return bean(news.dateline.story.photo.LeadPhotoDesk.class).problems(String.valueOf(mediaId))
                .containsKey(news.dateline.story.photo.LeadPhotoDesk.FIELD);
    }

    private long count(String sql) {
        return bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    /** The derivatives are made in the background: polled with a deadline. */
    private void awaitReady(long mediaId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = bean(JdbcClient.class).sql("SELECT state FROM media WHERE id = :id").param("id", mediaId)
                    .query(String.class).single();
            if (!state.equals("pending")) {
                break;
            }
            WireFolder.sleep(100);
        }
        assertThat(state).as("photo #" + mediaId + " has its sizes").isEqualTo("ready");
    }
}
