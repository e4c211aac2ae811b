package news.dateline.story.embed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader in Chromium opens a story with a video: every request the browser makes is routed through the test,
 * which lets the site's own through and counts (and aborts) anything for another host. Nothing leaves for the
 * provider until the reader presses the button; then the provider's frame is put in.
 */
class EmbedInBrowserTest extends SqliteSite {

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    @Test
    void aReaderLoadsNothingFromTheProviderUntilTheyPressTheButton() {
        var written = story(this, "Harbour pilots explain the new shift pattern " + System.nanoTime())
                .body("The pilots met on Tuesday.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nThey voted at six.").write();

        try (BrowserContext context = chromium.browser().newContext()) {
            context.setDefaultTimeout(10_000);
            List<String> outside = new CopyOnWriteArrayList<>();
            context.route("**/*", route -> {
                String url = route.request().url();
                if (url.startsWith(site().base() + "/")) {
                    route.resume();
                } else {
                    outside.add(url);
                    route.abort();
                }
            });
            List<String> consoleErrors = new CopyOnWriteArrayList<>();
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    consoleErrors.add(message.text());
                }
            });
            page.onPageError(error -> consoleErrors.add("uncaught: " + error));

            page.navigate(site().base() + written.path());
            page.waitForLoadState(LoadState.NETWORKIDLE);

            assertThat(outside).as("requests to other hosts before the click").isEmpty();
            assertThat(page.locator("iframe").count()).isZero();
            Locator button = page.locator("figure.embed button");
            assertThat(button.isVisible()).as("the script shows the button").isTrue();
            assertThat(button.textContent()).isEqualTo("Load content from YouTube");
            assertThat(consoleErrors).as("console errors before the click (CSP violations too)").isEmpty();

            button.click();

            Locator frame = page.locator("figure.embed iframe");
            frame.waitFor();
            assertThat(frame.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
            assertThat(frame.getAttribute("title")).isEqualTo("Content from YouTube");
            assertThat(page.locator("figure.embed button").count()).as("the button gave way to the frame").isZero();
            page.waitForCondition(() -> !outside.isEmpty());
            assertThat(outside).as("after the click, the provider's frame alone")
                    .allMatch(url -> url.startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"));
        }
    }

    @Test
    void withoutJavaScriptTheReaderHasTheLink() {
        var written = story(this, "Pilots' vote explained without script " + System.nanoTime())
                .body("https://vimeo.com/76979871").write();

        try (BrowserContext context = chromium.browser().newContext(
                        new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(site().base() + written.path());

            assertThat(page.locator("figure.embed button").isVisible()).as("no button that cannot work").isFalse();
            Locator link = page.locator("figure.embed figcaption a");
            assertThat(link.isVisible()).isTrue();
            assertThat(link.getAttribute("href")).isEqualTo("https://vimeo.com/76979871");
        }
    }
}
