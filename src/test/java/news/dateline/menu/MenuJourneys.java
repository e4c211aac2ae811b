package news.dateline.menu;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The header and footer menus edited in the newsroom, and every reader page following at once. The site is shared
 * with other journeys, which expect the sections' navigation: each test removes the items it added.
 */
interface MenuJourneys extends RunningSite {

    @Test
    default void aMenuEditedInTheNewsroomChangesEveryPage() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        Written story = story(this, "Menu test story " + unique).in("world").tagged("Harbour " + unique).write();
        long pageId = pageId(editor.post("/newsroom/pages", "title", "About " + unique, "slug", "", "parent", "",
                "body", "Who we are.", "action", "publish"));
        // Before: the sections, as always, and the pages are cached with them.
        assertThat(site().get("/").html().select("nav.sections[aria-label=Sections] .nav-wide a").eachText())
                .startsWith("Home").contains("World");
        assertThat(site().get(story.path()).status()).isEqualTo(200);
        assertThat(site().get(story.path()).header("X-Cache")).isEqualTo("hit");
        try {
            add(editor, "header", "section:" + sectionId("world"), "", "", "");
            long about = add(editor, "header", "page:" + pageId, "", "", "");
            add(editor, "header", "link", "Newsletter", "https://newsletter.example.org/", "");
            add(editor, "header", "tag:" + tagId("harbour-" + unique), "Harbour news", "", Long.toString(about));
            add(editor, "footer", "link", "Contact us", "mailto:desk@example.org", "");

            for (String path : List.of("/", story.path(), "/world/", "/pages/about-" + unique, "/search?q=x",
                    "/no-such-page-" + unique)) {
                Document page = site().get(path).html();
                assertThat(page.select("nav.sections[aria-label=Site] .nav-wide > li > a").eachText()).as(path)
                        .containsExactly("World", "About " + unique, "Newsletter");
                assertThat(page.select("nav.sections .nav-wide .submenu a").attr("href")).as(path)
                        .isEqualTo("/tag/harbour-" + unique);
                assertThat(page.select("nav.sections a").eachText()).as(path).doesNotContain("Science");
                // A phone gets the same links folded behind one button that needs no script.
                assertThat(page.select("nav.sections details.nav-phone > summary").text()).as(path).isEqualTo("Menu");
                assertThat(page.select("nav.sections details.nav-phone a").eachText()).as(path)
                        .containsExactly("World", "About " + unique, "Harbour news", "Newsletter");
                assertThat(page.select("footer nav[aria-label=Footer] a").attr("href")).as(path)
                        .isEqualTo("mailto:desk@example.org");
            }

            // Reordered: every page at once.
            Document screen = editor.get("/newsroom/menus").html();
            long newsletter = itemId(screen, "Newsletter");
            assertThat(editor.post("/newsroom/menus/items/" + newsletter + "/up").status()).isEqualTo(302);
            assertThat(site().get(story.path()).html().select("nav.sections .nav-wide > li > a").eachText())
                    .containsExactly("World", "Newsletter", "About " + unique);

            // A deleted page leaves the readers' menu (no broken link) and is flagged in the newsroom.
            assertThat(editor.post("/newsroom/pages/" + pageId + "/delete").status()).isEqualTo(302);
            assertThat(site().get(story.path()).html().select("nav.sections .nav-wide a").eachText())
                    .containsExactly("World", "Newsletter");
            Document flagged = editor.get("/newsroom/menus").html();
            assertThat(flagged.select("#broken-items").text()).startsWith("1 item(s) point at something");
            assertThat(flagged.select("#item-" + about + " .menu-warning").text())
                    .isEqualTo("The page this item points at is deleted or not published: readers do not see the item.");
        } finally {
            removeEverything(editor);
        }
        // Without a header menu, readers see the sections again.
        assertThat(site().get(story.path()).html().select("nav.sections[aria-label=Sections] .nav-wide a").eachText())
                .startsWith("Home").contains("World", "Science");
        assertThat(site().get("/").html().select("footer nav")).isEmpty();
    }

    @Test
    default void anUnsafeOrIncompleteItemIsRefusedWithTheInputKept() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        try {
            Page script = editor.post("/newsroom/menus/items", "menu", "header", "target", "link",
                    "label", "Click me", "url", "javascript:alert(1)", "parent", "");
            assertThat(script.status()).isEqualTo(422);
            Document form = script.html();
            assertThat(form.select("#url-error").text()).isEqualTo(MenuService.UNSAFE_URL);
            assertThat(form.select("#url").attr("value")).isEqualTo("javascript:alert(1)");
            assertThat(form.select("#label").attr("value")).isEqualTo("Click me");
            assertThat(form.select("#target option[selected]").attr("value")).isEqualTo("link");
            for (String unsafe : List.of("data:text/html,hi", "//evil.example/", "https:///nohost", " vbscript:x")) {
                assertThat(editor.post("/newsroom/menus/items", "menu", "header", "target", "link", "label", "x",
                        "url", unsafe, "parent", "").html().select("#url-error").text()).as(unsafe)
                        .isEqualTo(MenuService.UNSAFE_URL);
            }
            Page nothing = editor.post("/newsroom/menus/items", "menu", "header", "target", "", "label", "",
                    "url", "", "parent", "");
            assertThat(nothing.html().select("#target-error").text()).isEqualTo(MenuService.CHOOSE_TARGET);
            Page gone = editor.post("/newsroom/menus/items", "menu", "footer", "target", "page:987654321",
                    "label", "", "url", "", "parent", "");
            assertThat(gone.html().select("#target-error").text()).isEqualTo(MenuService.TARGET_GONE);

            // One level of nesting only.
            long top = add(editor, "footer", "link", "Top", "/", "");
            long child = add(editor, "footer", "link", "Child", "/feed", Long.toString(top));
            Page deeper = editor.post("/newsroom/menus/items", "menu", "footer", "target", "link", "label",
                    "Grandchild", "url", "/search", "parent", Long.toString(child));
            assertThat(deeper.html().select("#parent-error").text()).isEqualTo(MenuService.BAD_PARENT);
            assertThat(count()).isEqualTo(2);

            // Authors and contributors do not change the site's menus; nothing changes.
            NewsroomForms author = NewsroomForms.as(this, "author");
            assertThat(author.get("/newsroom/menus").status()).isEqualTo(403);
            assertThat(author.post("/newsroom/menus/items", "menu", "header", "target", "link", "label", "Mine",
                    "url", "https://mine.example/", "parent", "").status()).isEqualTo(403);
            assertThat(author.post("/newsroom/menus/items/" + top + "/delete").status()).isEqualTo(403);
            assertThat(count()).isEqualTo(2);
            assertThat(site().get("/").html().select("footer nav a").eachText()).containsExactly("Top", "Child");
        } finally {
            removeEverything(editor);
        }
    }

    private long add(NewsroomForms editor, String menu, String target, String label, String url, String parent) {
        Page added = editor.post("/newsroom/menus/items", "menu", menu, "target", target, "label", label,
                "url", url, "parent", parent);
        assertThat(added.status()).as("added " + target + ": " + added.html().select(".field-error").text())
                .isEqualTo(302);
        return bean(JdbcClient.class).sql("SELECT MAX(id) FROM menu_item").query(Long.class).single();
    }

    /** Through the newsroom, so the change is recorded and cached pages drop the menu. */
    private void removeEverything(NewsroomForms editor) {
        for (long id : bean(JdbcClient.class).sql("SELECT id FROM menu_item WHERE parent_id IS NULL")
                .query(Long.class).list()) {
            editor.post("/newsroom/menus/items/" + id + "/delete");
        }
    }

    private int count() {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM menu_item").query(Integer.class).single();
    }

    private long itemId(Document screen, String label) {
        return Long.parseLong(screen.select("li[id^=item-]:has(> .menu-item-label:containsOwn(" + label + "))")
                .attr("id").substring("item-".length()));
    }

    private long sectionId(String slug) {
        return bean(JdbcClient.class).sql("SELECT id FROM section WHERE slug = :s").param("s", slug)
                .query(Long.class).single();
    }

    private long tagId(String slug) {
        return bean(JdbcClient.class).sql("SELECT id FROM tag WHERE slug = :s").param("s", slug)
                .query(Long.class).single();
    }

    private static long pageId(Page created) {
        assertThat(created.status()).as("page saved").isEqualTo(302);
        return Long.parseLong(created.header("Location").replaceAll(".*/newsroom/pages/(\\d+).*", "$1"));
    }
}
