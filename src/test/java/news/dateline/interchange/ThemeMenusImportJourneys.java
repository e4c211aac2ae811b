package news.dateline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.dateline.support.RunningSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the WordPress theme-unit-test export, imported as the command and the upload import it (menus
 * included), builds the header and footer menus and the page tree. On a site of its own: a header menu changes
 * every page, which the other journeys' shared site must not see.
 */
interface ThemeMenusImportJourneys extends RunningSite {

    @Test
    default void theThemeUnitTestImportBuildsItsMenusAndPageTree() {
        ImportSummary summary = bean(WxrImporter.class).importFile(WxrFiles.phpunit("theme-unit-test-data.xml"),
                new WxrImporter.Options(false, false, true), read -> { });

        // Its first menu ("Testing Menu") becomes the header, "Social menu" the footer; three more are skipped.
        assertThat(summary.skipped()).doesNotContainKey(ImportRun.MENU_ITEM_SKIPPED)
                .containsEntry(MenuImport.OTHER_MENU, 42);
        Document home = site().get("/").html();
        assertThat(home.select("nav.sections[aria-label=Site] .nav-wide > li > :first-child").eachText())
                .startsWith("Pages").contains("Advanced");
        assertThat(home.select("nav.sections .nav-wide > li:has(> .menu-group:containsOwn(Pages)) .submenu a")
                .eachAttr("href")).containsExactly("/pages/about/page-image-alignment",
                "/pages/about/page-markup-and-formatting");
        assertThat(home.select("nav.sections .nav-wide > li:has(> .menu-group:containsOwn(Advanced)) .submenu a")
                .eachAttr("href")).containsExactly("https://wordpressfoundation.org/");
        assertThat(home.select("footer nav[aria-label=Footer] a").eachAttr("href")).containsExactly(
                "https://twitter.com/wordpress", "https://www.facebook.com/WordPress/", "https://github.com/WordPress/",
                "https://www.linkedin.com/company/wordpress/", "https://www.instagram.com/photomatt/");
        // Every link in the menus leads somewhere that answers.
        for (String href : home.select("nav.sections .nav-wide a[href^=/]").eachAttr("href")) {
            assertThat(site().get(href).status()).as(href).isEqualTo(200);
        }
        // The page tree: three levels under "Level 1".
        assertThat(site().get("/pages/level-1/level-2/level-3a").html().select("main h1").text()).isEqualTo("Level 3a");

        // A second import changes nothing.
        ImportSummary again = bean(WxrImporter.class).importFile(WxrFiles.phpunit("theme-unit-test-data.xml"),
                new WxrImporter.Options(false, false, true), read -> { });
        assertThat(again.imported().values()).allMatch(n -> n == 0);
        assertThat(site().get("/").html().select("footer nav a")).hasSize(5);
        assertThat(List.of(again.unchanged().getOrDefault("menu items", 0))).containsExactly(
                summary.imported().get("menu items"));
    }
}
