package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.dateline.support.NewsroomForms;
import news.dateline.support.ScheduledJobs;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.MovableClock;
import news.dateline.support.StoryEdits;
import news.dateline.story.EditorialRepository;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The wire desk: agency files dropped into the first provider's folder, on the desk, used, updated and killed. */
interface WireDeskJourneys extends RunningSite {

    @Test
    default void everyIptcExampleDroppedInTheFolderIsTakenAndASecondCopyIsStoredOnce() throws Exception {
        IptcExamples.assumePresent();
        WireFolder folder = new WireFolder(this);
        List<Path> dropped = new ArrayList<>();
        for (Path example : IptcExamples.all()) {
            String name = example.getParent().getFileName() + "-" + example.getFileName();
            Files.createDirectories(folder.incoming());
            dropped.add(Files.copy(example, folder.incoming().resolve(name)));
        }
        dropped.forEach(WireFolder::awaitTaken);

        // Everything is read; only the event timeline (which fails the ninjs 3 schema) is refused, with the field.
        for (Path file : dropped) {
            String name = file.getFileName().toString();
            if (name.startsWith("collection-")) {
                assertThat(folder.error().resolve(name)).exists();
                assertThat(folder.error().resolve(name + ".reason.txt")).content()
                        .startsWith("field /0/events: not valid ninjs 3.x");
            } else if (name.matches(".*-(ap_image|imageEncodedRights|imageLinkedRights|SIPA_image_\\d|"
                    + "ninjsExSimplePhoto1)\\.json")) {
                // The examples' pictures are on the agencies' servers, which a folder provider does not fetch from.
                assertThat(folder.error().resolve(name + ".reason.txt")).as(name).content()
                        .contains("is not a file beside the item");
            } else {
                assertThat(folder.processed().resolve(name)).as(name).exists();
                assertThat(folder.error().resolve(name + ".reason.txt")).as(name).doesNotExist();
            }
        }
        // Text items are on the desk with their headline; audio, video and events are not (nor the pictures: error/).
        assertThat(headlineOf("http://ninjs.example.com/newsitems/20130709simp123"))
                .isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(headlineOf("urn:newsml:dpa.com:20090101:190510-99-167362"))
                .isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
        assertThat(headlineOf("urn:newsml:businesswire.com:20010714:20130515006361"))
                .startsWith("Dell Redefines Workstation Computing Boundaries");
        long items = count("SELECT COUNT(*) FROM wire_item");
        long versions = count("SELECT COUNT(*) FROM wire_version");
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE item_type NOT IN ('text', 'composite')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE guid LIKE '%UEFA%' OR headline LIKE '%UEFA%'"))
                .as("an event is not a news item").isZero();
        assertThat(count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'skipped'")).isPositive();

        // The same files again, under new names: nothing new is stored, each is noted as a duplicate.
        List<Path> again = new ArrayList<>();
        for (Path example : IptcExamples.all()) {
            if (!example.startsWith(IptcExamples.COLLECTION)) {
                again.add(Files.copy(example, folder.incoming().resolve("again-" + example.getParent().getFileName()
                        + "-" + example.getFileName())));
            }
        }
        again.forEach(WireFolder::awaitTaken);
        assertThat(count("SELECT COUNT(*) FROM wire_item")).isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM wire_version")).isEqualTo(versions);
        assertThat(count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'stored' AND source_name LIKE 'again-%'"))
                .isZero();
        long storedFirst = count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'stored' AND source_name IN ("
                + String.join(", ", dropped.stream().map(f -> "'" + f.getFileName() + "'").toList()) + ")");
        assertThat(storedFirst).isGreaterThanOrEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'duplicate' AND source_name LIKE 'again-%'"))
                .isEqualTo(storedFirst);
    }

    @Test
    default void aNewerVersionReplacesTheItemAndAnOlderOneIsIgnored() {
        WireFolder folder = new WireFolder(this);
        String uri = "urn:newsml:ntb.no:20261201:" + System.nanoTime();
        folder.drop("storm-v2.json", WireFiles.ninjs2(uri, 2, "usable", 3, "Storm closes Oslo airport", "OSLO", null));
        assertThat(headlineOf(uri)).isEqualTo("Storm closes Oslo airport");

        folder.drop("storm-v3.json", WireFiles.ninjs2(uri, 3, "usable", 3, "Oslo airport reopens after storm",
                "OSLO", null));
        assertThat(headlineOf(uri)).isEqualTo("Oslo airport reopens after storm");
        assertThat(versionsOf(uri)).isEqualTo(2);

        folder.drop("storm-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3, "Storm warning for Oslo", "OSLO", null));
        assertThat(headlineOf(uri)).isEqualTo("Oslo airport reopens after storm");
        assertThat(versionsOf(uri)).isEqualTo(2);
        assertThat(folder.processed().resolve("storm-v1.json")).exists();
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT detail FROM wire_event WHERE source_name = 'storm-v1.json' AND outcome = 'older'""")
                .query(String.class).single()).isEqualTo(uri + " version 1 is not newer than the stored version 3");
    }

    @Test
    default void aFileTheDeskCannotReadLandsInErrorWithItsReasonAndNothingIsStored() throws Exception {
        WireFolder folder = new WireFolder(this);
        long items = count("SELECT COUNT(*) FROM wire_item");
        String uri = "urn:newsml:example.com:bad:" + System.nanoTime();

        folder.drop("broken.json", "{\"uri\": \"" + uri + "\",\n  \"headline\": }");
        assertThat(folder.error().resolve("broken.json")).exists();
        assertThat(folder.error().resolve("broken.json.reason.txt")).content().startsWith("line 2, column")
                .contains("not valid JSON");

        folder.drop("wrong-urgency.json", "{\"uri\": \"" + uri + "\", \"urgency\": \"soon\"}");
        assertThat(folder.error().resolve("wrong-urgency.json.reason.txt")).content()
                .startsWith("field /urgency: not valid ninjs 1.x");

        folder.drop("no-id.json", "{\"headlines\": [{\"value\": \"Nobody knows\"}], \"by\": \"x\"}");
        assertThat(folder.error().resolve("no-id.json.reason.txt")).content().contains("uri");

        folder.drop("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <newsItem guid="%s" version="1"><contentMeta><headline>&x;</headline></contentMeta></newsItem>
                """.formatted(uri));
        assertThat(folder.error().resolve("xxe.xml.reason.txt")).content()
                .startsWith("line 2, column").contains("a DTD (<!DOCTYPE>) is not accepted in wire XML");

        byte[] large = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        folder.drop("huge.json", large);
        assertThat(folder.error().resolve("huge.json.reason.txt")).content()
                .contains("the file is larger than the limit of 5 MB");

        // A collection with one bad item is refused whole: its good first item is not stored either.
        folder.drop("half.json", "[" + WireFiles.ninjs2(uri, 1, "usable", 4, "Half a file", "BERGEN", null)
                + ", {\"uri\": \"" + uri + "-2\", \"urgency\": \"soon\"}]");
        assertThat(folder.error().resolve("half.json.reason.txt")).content().startsWith("field /1/urgency");

        assertThat(count("SELECT COUNT(*) FROM wire_item")).isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'error' AND source_name IN "
                + "('broken.json', 'wrong-urgency.json', 'no-id.json', 'xxe.xml', 'huge.json', 'half.json')"))
                .isEqualTo(6);
    }

    @Test
    default void anEditorFindsAFlashOnTheDeskAndUsesItAsADraftWithCreditAndDateline() {
        WireFolder folder = new WireFolder(this);
        String word = "Fjord" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + ".json", WireFiles.ninjs2(uri, 2, "usable", 1, word + " ferry runs aground", "BERGEN",
                null));
        long itemId = itemId(uri);

        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Document desk = editor.get("/newsroom/wire").html();
        Element row = desk.selectFirst("#wire-" + itemId);
        assertThat(row).as("on the desk").isNotNull();
        assertThat(desk.select(".wire-queue tbody tr").first()).as("newest first").isEqualTo(row);
        assertThat(row.hasClass("wire-flash")).as("a flash stands out").isTrue();
        assertThat(row.select(".wire-headline").text()).isEqualTo(word + " ferry runs aground");
        assertThat(row.select(".wire-urgency").text()).isEqualTo("1 flash");
        assertThat(row.select(".wire-slugline").text()).isEqualTo("wire-test");
        assertThat(row.select(".wire-located").text()).isEqualTo("BERGEN");
        assertThat(row.select(".wire-version").text()).isEqualTo("2");
        assertThat(row.select(".wire-status").text()).isEqualTo("new");
        assertThat(desk.select("#provider-1 .provider-errors").text()).matches("\\d+ errors?");

        // Filters and search find it, and leave it out when they should.
        assertThat(editor.get("/newsroom/wire?urgency=2").html().select("#wire-" + itemId)).hasSize(1);
        assertThat(editor.get("/newsroom/wire?subject=politics&q=" + word.toLowerCase()).html()
                .select(".wire-queue tbody tr")).extracting(Element::id).containsExactly("wire-" + itemId);
        assertThat(editor.get("/newsroom/wire?q=" + word + "+paragraph").html().select("#wire-" + itemId))
                .as("words from the body").hasSize(1);
        assertThat(editor.get("/newsroom/wire?subject=sport&q=" + word).html().select(".wire-queue")).isEmpty();
        assertThat(editor.get("/newsroom/wire?q=" + word + "%25_").html().select(".wire-empty").text())
                .isEqualTo("No wire items match these filters.");

        // The preview shows the body as text.
        Document preview = editor.get("/newsroom/wire?item=" + itemId).html();
        assertThat(preview.select(".wire-body p")).extracting(Element::text)
                .containsExactly("First paragraph of version 2.", "Second bold paragraph.");
        assertThat(preview.select(".wire-body b, .wire-body strong")).as("agency HTML is not rendered").isEmpty();

        // Use: a draft with headline, standfirst, body, dateline and credit, opened in the editor.
        Page used = editor.post("/newsroom/wire/" + itemId + "/use");
        assertThat(used.status()).isEqualTo(303);
        assertThat(used.header("Location")).matches(".*/newsroom/articles/\\d+\\?done=created");
        Document story = editor.get(used.header("Location")).html();
        assertThat(story.select("input[name=headline]").val()).isEqualTo(word + " ferry runs aground");
        assertThat(story.select("[name=standfirst]").val()).isEqualTo("What happened in BERGEN, version 2.");
        assertThat(story.select("textarea[name=body]").val())
                .isEqualTo("First paragraph of version 2.\n\nSecond **bold** paragraph.");
        assertThat(story.select("input[name=dateline]").val()).isEqualTo("BERGEN");
        assertThat(story.select("input[name=source]").val()).isEqualTo("By Maria Olsen. With NTB");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        assertThat(bean(JdbcClient.class).sql("SELECT status FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).single()).isEqualTo("draft");
        assertThat(editor.get("/newsroom/wire").html().select("#wire-" + itemId + " .wire-status").text())
                .isEqualTo("used");

        // Authors and contributors do not work the desk; nothing is made.
        long stories = count("SELECT COUNT(*) FROM article");
        NewsroomForms author = NewsroomForms.as(this, "author");
        assertThat(author.get("/newsroom/wire").status()).isEqualTo(403);
        assertThat(author.post("/newsroom/wire/" + itemId + "/use").status()).isEqualTo(403);
        assertThat(editor.postWithoutCsrf("/newsroom/wire/" + itemId + "/use").status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(stories);
        assertThat(editor.post("/newsroom/wire/999999999/use").status()).isEqualTo(404);
    }

    @Test
    default void aCanceledVersionWithdrawsThePublishedStoryEverywhereWithinTwoSeconds() {
        WireFolder folder = new WireFolder(this);
        String word = "Kvarken" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3, word + " bridge collapses", "VAASA",
                null));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Page used = editor.post("/newsroom/wire/" + itemId(uri) + "/use");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        StoryEdits.publish(this, articleId);
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();

        // Published and cached, on the front page, in the feed, the news sitemap and search.
        assertThat(site().get(path).status()).isEqualTo(200);
        Page cached = site().get(path);
        assertThat(cached.header("X-Cache")).isEqualTo("hit");
        assertThat(cached.body()).contains(word + " bridge collapses");
        assertThat(site().get("/").body()).contains(word);
        assertThat(site().get("/feed").body()).contains(word);
        assertThat(site().get("/news-sitemap.xml").body()).contains(path);
        assertThat(site().get("/search?q=" + word).html().select("main").text()).contains(word + " bridge collapses");

        // The kill notice arrives: within 2 s the address answers 410 with a notice and nothing of the story.
        long sent = System.nanoTime();
        folder.drop(word + "-kill.json", WireFiles.ninjs2(uri, 2, "canceled", 3, word + " bridge collapses",
                "VAASA", null));
        Page gone = site().get(path);
        while (gone.status() != 410 && System.nanoTime() - sent < 5_000_000_000L) {
            WireFolder.sleep(20);
            gone = site().get(path);
        }
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(gone.status()).isEqualTo(410);
        assertThat(millis).as("kill to withdrawn, ms").isLessThan(2_000);
        assertThat(gone.html().select(".withdrawn-notice").text())
                .isEqualTo("The agency that supplied this story has withdrawn it.");
        assertThat(gone.body()).doesNotContain(word).doesNotContain("First paragraph of version");
        assertThat(gone.html().select("link[rel=stylesheet]")).as("in the site's design").isNotEmpty();
        assertThat(site().get("/").body()).doesNotContain(word);
        assertThat(site().get("/feed").body()).doesNotContain(word);
        assertThat(site().get("/feed.json").body()).doesNotContain(word);
        assertThat(site().get("/news-sitemap.xml").body()).doesNotContain(path);
        assertThat(site().get("/search?q=" + word).html().select("main").text()).doesNotContain("bridge collapses");

        // The newsroom: the desk says killed and refuses Use; the kill log says what, by what, and how fast.
        Document desk = editor.get("/newsroom/wire").html();
        assertThat(desk.select("#wire-" + itemId(uri) + " .wire-status").text()).isEqualTo("killed");
        assertThat(editor.post("/newsroom/wire/" + itemId(uri) + "/use").status()).isEqualTo(409);
        Element kill = editor.get("/newsroom/wire/kills").html().select(".wire-kills tbody tr").first();
        assertThat(kill.select(".kill-headline").text()).isEqualTo(word + " bridge collapses");
        assertThat(kill.select(".kill-stories").text()).isEqualTo("1");
        assertThat(kill.select(".kill-by").text()).isEqualTo("kill notice from wire (" + word + "-kill.json)");
        assertThat(Long.parseLong(kill.select(".kill-time").text().replace(" ms", ""))).isBetween(0L, 2_000L);
        assertThat(bean(JdbcClient.class).sql("SELECT status FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).single()).isEqualTo("draft");
    }

    @Test
    default void aStoryFromAnEmbargoedItemStaysOffTheSiteUntilTheEmbargoThenGoesOut() {
        WireFolder folder = new WireFolder(this);
        MovableClock clock = bean(MovableClock.class);
        java.time.Instant embargo = clock.instant().plus(java.time.Duration.ofSeconds(60))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String word = "Embargo" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + ".json", WireFiles.ninjs2(uri, 1, "usable", 4, word + " budget unveiled", "OSLO",
                embargo.toString()));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        assertThat(editor.get("/newsroom/wire").html().select("#wire-" + itemId(uri) + " .wire-embargo").text())
                .isNotBlank();
        Page used = editor.post("/newsroom/wire/" + itemId(uri) + "/use");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();
        assertThat(site().get("/").status()).isEqualTo(200); // the front page is cached before the attempt

        // "Publish" before the embargo schedules the story for the embargo instead.
        StoryEdits.publish(this, articleId);
        var story = bean(EditorialRepository.class).find(articleId).orElseThrow();
        assertThat(story.status().name()).isEqualTo("SCHEDULED");
        assertThat(story.scheduledFor()).isEqualTo(embargo);
        assertThat(site().get(path).status()).isEqualTo(404);
        assertThat(site().get("/").body()).doesNotContain(word);
        assertThat(site().get("/feed").body()).doesNotContain(word);
        assertThat(site().get("/news-sitemap.xml").body()).doesNotContain(path);
        assertThat(site().get("/search?q=" + word).html().select("main").text()).doesNotContain("budget unveiled");

        // At the embargo the scheduler publishes it, and every place shows it. Its next round is run now rather
        // than waited for (the timer may run it first: then the loop below sees that round's commit).
        clock.advanceTo(embargo.plusSeconds(1));
        ScheduledJobs.runNow(this, "news.dateline.story.ScheduledPublisher.publishDue");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (site().get(path).status() != 200 && System.nanoTime() < deadline) {
            WireFolder.sleep(200);
        }
        assertThat(site().get(path).body()).contains(word + " budget unveiled");
        assertThat(site().get("/").body()).contains(word);
        assertThat(site().get("/feed").body()).contains(word);
        assertThat(site().get("/news-sitemap.xml").body()).contains(path);
    }

    private long itemId(String guid) {
        return bean(JdbcClient.class).sql("SELECT id FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(Long.class).single();
    }

    private String headlineOf(String guid) {
        return bean(JdbcClient.class).sql("SELECT headline FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(String.class).single();
    }

    private long versionsOf(String guid) {
        return bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM wire_version v JOIN wire_item i ON i.id = v.item_id
                        WHERE i.guid = :guid""").param("guid", guid).query(Long.class).single();
    }

    private long count(String sql) {
        return bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
