package news.dateline.live;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** Live coverage in a real Chromium: an editor's entry reaches a reader's open page without a reload. */
class LiveUpdatesInBrowserTest extends SqliteSite {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    @Test
    @Timeout(120)
    void readerPageShowsANewLiveEntryWithin2SecondsWithoutReload() {
        Written article = story(this, "Ossel river: live coverage of the flood crest")
                .standfirst("The river is expected to peak tonight. Follow the latest here.").write();
        String editorName = TestAccounts.create(this, "editor");
        String base = site().base();

        try (BrowserContext editorContext = chromium.browser().newContext();
                BrowserContext readerContext = chromium.browser().newContext()) {
            Page editor = editorContext.newPage();
            editor.navigate(base + "/newsroom/login");
            editor.getByLabel("Username").fill(editorName);
            editor.getByLabel("Password").fill(TestAccounts.PASSWORD);
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            editor.waitForURL(base + "/newsroom");
            editor.navigate(base + "/newsroom/articles/" + article.id() + "/live");
            editor.getByText("Start live coverage").click();
            editor.waitForURL("**/live?done=started");
            editor.getByLabel("New entry").fill("Sandbags are going up along the quay.");
            editor.getByText("Post entry").click();
            editor.waitForURL("**/live?done=posted");

            Page reader = readerContext.newPage();
            List<String> failures = new CopyOnWriteArrayList<>();
            reader.onPageError(failures::add);
            reader.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    failures.add(message.text());
                }
            });
            reader.navigate(base + article.path());
            assertThat(reader.locator(".live-badge").textContent().strip()).isEqualTo("Live");
            assertThat(reader.locator(".live-entries > li").count()).isEqualTo(1);
            // The page's script is connected before the editor writes.
            reader.locator(".live-blog[data-connected=true]").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.ATTACHED).setTimeout(10_000));
            reader.evaluate("() => { window.__notReloaded = true; }");
            screenshot(reader, "live-reader-before.png");

            editor.getByLabel("New entry").fill("**Evacuation ordered** for the old town: <em>leave now</em>");
            editor.getByLabel("Key event").check();
            long posted = System.nanoTime();
            editor.getByText("Post entry").click();

            Locator newest = reader.locator(".live-entries > li").first();
            reader.locator(".live-entries > li.key-event").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(2_000));
            long elapsedMillis = (System.nanoTime() - posted) / 1_000_000;
            System.out.println("Live entry reached the open reader page in " + elapsedMillis + " ms");
            assertThat(elapsedMillis).isLessThan(2_000);

            assertThat(reader.evaluate("() => window.__notReloaded")).isEqualTo(true);
            assertThat(reader.locator(".live-entries > li").count()).isEqualTo(2);
            assertThat(newest.locator(".live-entry-body").innerText().strip())
                    .isEqualTo("Evacuation ordered for the old town: <em>leave now</em>");
            assertThat(newest.locator(".live-entry-body em").count()).isZero();
            assertThat(reader.locator(".live-key-list a").innerText()).contains("Evacuation ordered");
            assertThat(reader.locator(".live-key-events").isVisible()).isTrue();
            assertThat(reader.locator(".live-status").textContent()).startsWith("New update: Evacuation ordered");
            assertThat(failures).isEmpty();
            screenshot(reader, "live-reader-after.png");
            screenshot(editor, "live-newsroom-desk.png");

            // Ending coverage takes the badge off the open page too.
            editor.getByText("End live coverage").click();
            reader.locator(".live-badge").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.DETACHED).setTimeout(2_000));
        }
    }

    /**
     * Issue 14: the page was cached and opened while the story was not live, so it had no live script; the reader
     * must still learn that coverage started and receive entries, without reloading.
     */
    @Test
    @Timeout(120)
    void readerWhoOpenedTheStoryBeforeCoverageStartedReceivesTheEntries() {
        Written article = story(this, "Harbour cranes: the storm reaches the coast")
                .standfirst("Winds are rising along the container quays.").write();
        String editorName = TestAccounts.create(this, "editor");
        String base = site().base();

        try (BrowserContext editorContext = chromium.browser().newContext();
                BrowserContext readerContext = chromium.browser().newContext()) {
            Page reader = readerContext.newPage();
            List<String> failures = new CopyOnWriteArrayList<>();
            reader.onPageError(failures::add);
            reader.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    failures.add(message.text());
                }
            });
            reader.navigate(base + article.path());
            assertThat(reader.locator(".live-badge").count()).isZero();
            assertThat(reader.locator(".live-blog").isVisible()).isFalse();
            reader.evaluate("() => { window.__notReloaded = true; }");

            Page editor = editorContext.newPage();
            editor.navigate(base + "/newsroom/login");
            editor.getByLabel("Username").fill(editorName);
            editor.getByLabel("Password").fill(TestAccounts.PASSWORD);
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            editor.waitForURL(base + "/newsroom");
            editor.navigate(base + "/newsroom/articles/" + article.id() + "/live");
            editor.getByText("Start live coverage").click();
            editor.waitForURL("**/live?done=started");
            long started = System.nanoTime();

            // The open page notices within its probe interval (10 s by default) and connects.
            reader.locator(".live-badge").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(15_000));
            reader.locator(".live-blog[data-connected=true]").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.ATTACHED).setTimeout(5_000));
            System.out.println("The open page learned that coverage started in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");

            editor.getByLabel("New entry").fill("Cranes are being lashed down on every quay.");
            long posted = System.nanoTime();
            editor.getByText("Post entry").click();
            Locator entry = reader.locator(".live-entries > li").first();
            entry.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(2_000));
            long elapsedMillis = (System.nanoTime() - posted) / 1_000_000;
            System.out.println("Live entry reached the page opened before coverage in " + elapsedMillis + " ms");
            assertThat(elapsedMillis).isLessThan(2_000);
            assertThat(entry.locator(".live-entry-body").innerText().strip())
                    .isEqualTo("Cranes are being lashed down on every quay.");
            assertThat(reader.locator(".live-blog").isVisible()).isTrue();
            assertThat(reader.evaluate("() => window.__notReloaded")).isEqualTo(true);
            assertThat(failures).isEmpty();
            screenshot(reader, "live-reader-opened-before-coverage.png");
        }
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
