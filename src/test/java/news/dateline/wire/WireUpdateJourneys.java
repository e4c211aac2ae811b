package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.story.EditorialRepository;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agency sends a newer version of an item a story was made from; or holds the item back (withheld). */
interface WireUpdateJourneys extends RunningSite {

    @Test
    default void aNewerVersionOfAUsedItemShowsItsDiffInTheEditorAndOnTheDeskAndTakeUpdateBringsItIn() {
        WireFolder folder = new WireFolder(this);
        String word = "Hardanger" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3, word + " bridge closed by wind",
                "BERGEN", null));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        long itemId = WireEditor.itemId(this, uri);
        long articleId = WireEditor.use(editor, itemId);
        String editorPath = "/newsroom/articles/" + articleId;
        assertThat(editor.get(editorPath).html().select(".wire-update")).as("nothing new yet").isEmpty();

        // The editor rewrites the standfirst; then the agency sends version 2, whose headline has markup in it.
        assertThat(WireEditor.press(editor, articleId, "save", "standfirst", "Our own standfirst.").status())
                .isEqualTo(302);
        folder.drop(word + "-v2.json", WireFiles.ninjs2(uri, 2, "usable", 3, word + " bridge <i>reopens</i>",
                "BERGEN", null));

        // The editor: "Wire update available", a word-level diff (escaped), and the editor's own edit shown.
        Document page = editor.get(editorPath).html();
        Element update = page.selectFirst(".wire-update");
        assertThat(update).as("the editor says so").isNotNull();
        assertThat(update.select("h2").text()).isEqualTo("Wire update available");
        assertThat(update.select(".wire-diff-headline del").text()).isEqualTo("closed by wind");
        assertThat(update.select(".wire-diff-headline ins").text()).isEqualTo("<i>reopens</i>");
        assertThat(update.select("i")).as("agency markup is text").isEmpty();
        assertThat(update.select(".wire-diff-body del").text()).isEqualTo("1");
        assertThat(update.select(".wire-diff-body ins").text()).isEqualTo("2");
        assertThat(update.select(".wire-own-edits .wire-diff-standfirst ins").text()).contains("Our own standfirst");
        assertThat(update.select("form.wire-take button").text()).contains("Take update");

        // The desk: the item is marked, and its preview shows the same diff.
        Document desk = editor.get("/newsroom/wire").html();
        assertThat(desk.select("#wire-" + itemId + " .wire-status").text()).isEqualTo("update available");
        Document preview = editor.get("/newsroom/wire?item=" + itemId).html();
        assertThat(preview.select(".wire-update .wire-diff-body ins").text()).isEqualTo("2");

        // Take update: the new text in the draft as a new revision; the text it replaced stays in the revisions.
        long revisions = revisionsOf(articleId);
        Page taken = editor.post("/newsroom/wire/stories/" + articleId + "/take");
        assertThat(taken.status()).isEqualTo(303);
        assertThat(taken.header("Location")).endsWith(editorPath + "?done=wire-taken");
        Document after = editor.get(taken.header("Location")).html();
        assertThat(after.select("input[name=headline]").val()).isEqualTo(word + " bridge <i>reopens</i>");
        assertThat(after.select("[name=standfirst]").val()).isEqualTo("What happened in BERGEN, version 2.");
        assertThat(after.select("textarea[name=body]").val()).startsWith("First paragraph of version 2.");
        assertThat(after.select(".wire-update")).as("taken").isEmpty();
        assertThat(after.select("[role=status]").text()).contains("Wire update taken");
        assertThat(revisionsOf(articleId)).isEqualTo(revisions + 1);
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM article_revision WHERE article_id = :id AND standfirst = 'Our own standfirst.'""")
                .param("id", articleId).query(Long.class).single()).as("the editor's text is kept").isPositive();
        assertThat(editor.get("/newsroom/wire").html().select("#wire-" + itemId + " .wire-status").text())
                .isEqualTo("used");

        // Authors may not take it, nor may a forged form.
        assertThat(NewsroomForms.as(this, "author").post("/newsroom/wire/stories/" + articleId + "/take").status())
                .isEqualTo(403);
        assertThat(editor.postWithoutCsrf("/newsroom/wire/stories/" + articleId + "/take").status()).isEqualTo(403);
        assertThat(editor.post("/newsroom/wire/stories/" + articleId + "/take").status()).as("nothing to take")
                .isEqualTo(409);
    }

    @Test
    default void aStoryFromAWithheldItemCannotBePublishedUntilAUsableVersionArrives() {
        WireFolder folder = new WireFolder(this);
        String word = "Sognefjord" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:20261201:" + word;
        folder.drop(word + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3, word + " rockslide", "SOGNDAL", null));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        long itemId = WireEditor.itemId(this, uri);
        long articleId = WireEditor.use(editor, itemId);
        folder.drop(word + "-v2.json", WireFiles.ninjs2(uri, 2, "withheld", 3, word + " rockslide", "SOGNDAL",
                null));

        assertThat(editor.get("/newsroom/wire").html().select("#wire-" + itemId + " .wire-status").text())
                .isEqualTo("withheld");
        assertThat(editor.get("/newsroom/articles/" + articleId).html().select(".wire-withheld").text())
                .contains("withheld");
        Page refused = WireEditor.press(editor, articleId, "publish");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select(".form-error").text()).startsWith("Withheld by the agency")
                .contains(uri);
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();
        assertThat(site().get(path).status()).isEqualTo(404);

        // A usable version lifts the hold.
        folder.drop(word + "-v3.json", WireFiles.ninjs2(uri, 3, "usable", 3, word + " rockslide", "SOGNDAL", null));
        assertThat(editor.get("/newsroom/articles/" + articleId).html().select(".wire-withheld")).isEmpty();
        assertThat(WireEditor.press(editor, articleId, "publish").status()).isEqualTo(302);
        assertThat(site().get(path).status()).isEqualTo(200);
    }

    @Test
    @org.junit.jupiter.api.Timeout(90)
    default void anAutoUpdateProviderPublishesTheNewVersionInAnUntouchedStoryAndOnlyOffersItForAnEditedOne()
            throws Exception {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        String name = "auto-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/newsroom/wire/providers", "name", name, "credit", "With Auto", "kind", "folder",
                "autoUpdate", "true").status()).isEqualTo(303);
        long providerId = bean(JdbcClient.class).sql("SELECT id FROM wire_provider WHERE name = :name")
                .param("name", name).query(Long.class).single();
        assertThat(admin.get("/newsroom/wire/providers").html().select("#provider-" + providerId + " .provider-auto")
                .text()).isEqualTo("updates published automatically");
        assertThat(admin.get("/newsroom/wire/providers/" + providerId).html().select("input[name=autoUpdate]")
                .hasAttr("checked")).isTrue();
        java.nio.file.Path incoming = new WireFolder(this).incoming().getParent().resolve(name).resolve("incoming");
        String word = "Lofoten" + System.nanoTime();
        String untouched = "urn:newsml:auto.example:" + word + "-a";
        String edited = "urn:newsml:auto.example:" + word + "-b";
        try {
            drop(incoming, "a-v1.json", WireFiles.ninjs2(untouched, 1, "usable", 3, word + " storm warning",
                    "SVOLVAER", null));
            drop(incoming, "b-v1.json", WireFiles.ninjs2(edited, 1, "usable", 3, word + " ferry delays", "BODO",
                    null));
            NewsroomForms editor = NewsroomForms.as(this, "editor");
            long a = WireEditor.use(editor, WireEditor.itemId(this, untouched));
            long b = WireEditor.use(editor, WireEditor.itemId(this, edited));
            assertThat(WireEditor.press(editor, a, "publish").status()).isEqualTo(302);
            assertThat(WireEditor.press(editor, b, "publish").status()).isEqualTo(302);
            // A person edits story b (published, so live at once).
            assertThat(WireEditor.press(editor, b, "save", "standfirst", "Our own words.").status()).isEqualTo(302);
            String pathA = bean(EditorialRepository.class).find(a).orElseThrow().path();
            String pathB = bean(EditorialRepository.class).find(b).orElseThrow().path();
            assertThat(site().get(pathA).html().select("h1").text()).isEqualTo(word + " storm warning");
            assertThat(site().get(pathA).header("X-Cache")).as("the page is cached").isEqualTo("hit");
            long revisionsA = revisionsOf(a);

            drop(incoming, "b-v2.json", WireFiles.ninjs2(edited, 2, "usable", 3, word + " ferries cancelled",
                    "BODO", null));
            drop(incoming, "a-v2.json", WireFiles.ninjs2(untouched, 2, "usable", 3, word + " storm hits the islands",
                    "SVOLVAER", null));

            // The untouched story: readers get the new version within moments, the cached copy included; one
            // revision, saved by the provider and naming the version; nothing left to offer. (Versions are applied
            // in the order they arrived, so story b's turn has come and gone by then.)
            awaitHeadline(pathA, word + " storm hits the islands");
            Document page = site().get(pathA).html();
            assertThat(page.text()).contains("What happened in SVOLVAER, version 2.");
            assertThat(revisionsOf(a)).isEqualTo(revisionsA + 1);
            assertThat(bean(JdbcClient.class).sql("""
                            SELECT saved_by || ' / ' || kind FROM article_revision WHERE article_id = :id
                            ORDER BY id DESC LIMIT 1""").param("id", a).query(String.class).single())
                    .isEqualTo(name + " (wire, version 2, automatic) / updated");
            assertThat(editor.get("/newsroom/articles/" + a + "/revisions").html().text())
                    .contains(name + " (wire, version 2, automatic)");
            assertThat(editor.get("/newsroom/articles/" + a).html().select(".wire-update")).isEmpty();

            // The edited story: unchanged for readers, the offer in the editor.
            assertThat(site().get(pathB).html().select("h1").text()).isEqualTo(word + " ferry delays");
            assertThat(editor.get("/newsroom/articles/" + b).html().select(".wire-update h2").text())
                    .isEqualTo("Wire update available");

            // The story counts as made from version 2: version 3 comes in too. A kill still wins.
            drop(incoming, "a-v3.json", WireFiles.ninjs2(untouched, 3, "usable", 3, word + " storm passes",
                    "SVOLVAER", null));
            awaitHeadline(pathA, word + " storm passes");
            drop(incoming, "a-v4.json", WireFiles.ninjs2(untouched, 4, "canceled", 3, word + " storm passes",
                    "SVOLVAER", null));
            assertThat(site().get(pathA).status()).isEqualTo(410);
        } finally {
            bean(JdbcClient.class).sql("UPDATE wire_provider SET enabled = FALSE WHERE id = :id")
                    .param("id", providerId).update();
        }
    }

    private void awaitHeadline(String path, String headline) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!site().get(path).html().select("h1").text().equals(headline)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " does not show \"" + headline + "\" within 20 s");
            }
            WireFolder.sleep(50);
        }
    }

    private static void drop(java.nio.file.Path incoming, String name, String content) throws java.io.IOException {
        java.nio.file.Files.createDirectories(incoming);
        java.nio.file.Path part = java.nio.file.Files.writeString(incoming.resolve(name + ".part"), content);
        WireFolder.awaitTaken(java.nio.file.Files.move(part, incoming.resolve(name),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE));
    }

    private long revisionsOf(long articleId) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article_revision WHERE article_id = :id")
                .param("id", articleId).query(Long.class).single();
    }
}
