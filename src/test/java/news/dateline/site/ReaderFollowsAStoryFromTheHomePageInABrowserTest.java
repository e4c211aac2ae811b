package news.dateline.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;

/**
 * A reader in a real browser (Debian's Chromium, driven by Playwright): the home page, a click on the
 * lead story, the article. The browser also reports what an HTTP client cannot see, such as a
 * Content-Security-Policy violation, as a console error.
 */
class ReaderFollowsAStoryFromTheHomePageInABrowserTest extends SqliteSite {

    private static final Path SCREENSHOT = Chromium.SCREENSHOTS.resolve("home-to-article.png");

    @Test
    void readerOpensTheHomePageFollowsTheLeadStoryAndSeesItsHeadline() throws Exception {

        try (Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            context.setDefaultTimeout(10_000);
            context.setDefaultNavigationTimeout(15_000);
            Page page = context.newPage();
            List<String> consoleErrors = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !isTheBrowsersOwnFaviconRequest(message.location())) {
                    consoleErrors.add(message.text() + " (" + message.location() + ")");
                }
            });
            page.onPageError(error -> consoleErrors.add("uncaught: " + error));

            page.navigate(site().base() + "/");
            Locator lead = page.locator(".lead .card-title a").first();
            String headline = normalized(lead.textContent());
            String href = lead.getAttribute("href");
            assertThat(headline).as("lead story headline on the home page").isNotBlank();
            assertThat(href).as("lead story link is an article path").matches("/[a-z0-9-]+/[a-z0-9-]+");

            lead.click();
            page.waitForURL(site().base() + href);

            assertThat(URI.create(page.url()).getPath()).isEqualTo(href);
            assertThat(normalized(page.locator("h1").textContent())).isEqualTo(headline);

            Files.createDirectories(SCREENSHOT.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));

            assertThat(consoleErrors).as("console errors (CSP violations show up here too)").isEmpty();
        }
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Chromium asks for /favicon.ico on its own, whatever the page says, and logs the site's 404 for it as
     * a console error. The site has no favicon yet; once it has one, this exception can go.
     */
    private static boolean isTheBrowsersOwnFaviconRequest(String location) {
        return location.matches("https?://[^/]+/favicon\\.ico(:\\d+:\\d+)?");
    }
}
