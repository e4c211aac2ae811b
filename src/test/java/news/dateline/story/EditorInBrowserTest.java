package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An editor in a real browser (Debian's Chromium, driven by Playwright): signs in, writes a story with a
 * sub-heading, watches the live preview render it, sees the draft autosaved, publishes, and finds the story on the
 * home page. CSP violations from the editor's script would show up as console errors.
 */
class EditorInBrowserTest extends SqliteSite {

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final long AUTOSAVE_EVERY_MS = 5_000;

    @Test
    void editorWritesAStoryWithSubheadingsPreviewsAndPublishesIt() throws Exception {
        String username = TestAccounts.create(this, "editor");
        String headline = "Night ferry returns to the northern route " + Long.toString(System.nanoTime(), 36);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            context.setDefaultTimeout(15_000);
            context.setDefaultNavigationTimeout(20_000);
            context.clock().install();
            Page page = context.newPage();
            List<String> consoleErrors = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !message.location().matches("https?://[^/]+/favicon\\.ico.*")) {
                    consoleErrors.add(message.text() + " (" + message.location() + ")");
                }
            });
            page.onPageError(error -> consoleErrors.add("uncaught: " + error));
            Files.createDirectories(SCREENSHOTS);

            page.navigate(site().base() + "/newsroom/login");
            page.fill("#username", username);
            page.fill("#password", TestAccounts.PASSWORD);
            page.press("#password", "Enter");
            page.waitForURL(site().base() + "/newsroom");

            page.navigate(site().base() + "/newsroom/articles/new");
            page.fill("#headline", headline);
            assertThat(page.inputValue("#slug")).as("slug made from the headline").startsWith("night-ferry-returns-to");
            page.fill("#standfirst", "The overnight service runs again from Friday after two years.");
            page.fill("#tags", "Ferries, Transport");
            page.fill("#body", "The night ferry is back.\n\n## What changes for passengers\n\n"
                    + "Cabins can be booked from Monday.\n\n## Fares\n\nFares are unchanged.");

            Locator subheading = page.locator("#preview h2").first();
            subheading.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            assertThat(page.locator("#preview h2").allTextContents())
                    .containsExactly("What changes for passengers", "Fares");

            // The draft saves itself within a few seconds, and the page then edits the saved draft.
            nextAutosave(page);
            waitUntilAutosaved(page);
            assertThat(page.url()).matches(".*/newsroom/articles/\\d+$");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-preview.png"))
                    .setFullPage(true));

            page.click("button[name=action][value=publish]");
            page.waitForURL("**/newsroom/articles/*?done=published");
            assertThat(page.locator(".notice[role=status]").textContent()).contains("Published");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-published.png")));

            page.navigate(site().base() + "/");
            Locator onHome = page.locator("a", new Page.LocatorOptions().setHasText(headline)).first();
            assertThat(onHome.isVisible()).as("the story on the home page").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-story-on-home.png")));

            onHome.click();
            page.waitForLoadState();
            assertThat(page.locator("h1").textContent().strip()).isEqualTo(headline);
            assertThat(page.locator(".story-body h2").allTextContents())
                    .containsExactly("What changes for passengers", "Fares");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-story-page.png"))
                    .setFullPage(true));

            assertThat(consoleErrors).as("console errors (CSP violations show up here too)").isEmpty();
        }
    }

    @Test
    void writerSignedOutDuringAutosaveIsToldSoKeepsTheTextAndSavesAfterSigningInAgain() throws Exception {
        String username = TestAccounts.create(this, "author");
        String headline = "Harbour wall repairs begin " + Long.toString(System.nanoTime(), 36);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            context.setDefaultTimeout(20_000);
            context.setDefaultNavigationTimeout(20_000);
            // The pages' timers run on Playwright's clock: time passes as usual, and the test moves it on to the
            // editor's next autosave instead of waiting for it.
            context.clock().install();
            Page page = context.newPage();
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            page.onPageError(error -> scriptErrors.add("uncaught: " + error));
            Files.createDirectories(SCREENSHOTS);
            signIn(page, username);

            page.navigate(site().base() + "/newsroom/articles/new");
            page.fill("#headline", headline);
            page.fill("#body", "Work starts on Monday.");
            nextAutosave(page);
            waitUntilAutosaved(page);
            long id = Long.parseLong(page.url().replaceAll(".*/newsroom/articles/(\\d+)$", "$1"));

            // The session ends (expired on the server, or signed out in another tab) while the writer types on.
            context.clearCookies();
            String typed = "Work starts on Monday.\n\nThe wall was damaged in the January storms.";
            page.fill("#body", typed);
            nextAutosave(page);
            page.locator("#save-status").filter(new Locator.FilterOptions().setHasText(
                    "You have been signed out. Your text is still here: sign in in another tab, then save."))
                    .waitFor();
            assertThat(page.inputValue("#body")).isEqualTo(typed);
            assertThat(page.url()).as("still the editor, not the sign-in page").endsWith("/newsroom/articles/" + id);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-signed-out.png")));

            Page other = context.newPage();
            signIn(other, username);
            other.close();
            page.bringToFront();

            // Signing in issued a new CSRF token; the page picks it up (on focus, or at its next autosave) and its
            // next autosave goes through.
            nextAutosave(page);
            page.locator("#save-status").filter(new Locator.FilterOptions().setHasText(
                    java.util.regex.Pattern.compile("^(Signed in again|Saved \\d)"))).waitFor();
            nextAutosave(page);
            waitUntilAutosaved(page);
            assertThat(Desk.row(this, id).get("body")).isEqualTo(typed);
            page.fill("#body", typed + "\n\nThe harbour stays open.");
            page.click("button[name=action][value=save]");
            page.waitForURL("**/newsroom/articles/" + id + "?done=saved");
            assertThat(Desk.row(this, id).get("body")).isEqualTo(typed + "\n\nThe harbour stays open.");
            assertThat(scriptErrors).isEmpty();
        }
    }

    /** Issue 19, item 9: the preview link was there only after reloading the page the first autosave created. */
    @Test
    void theFirstAutosaveOfANewStoryShowsItsPreviewLinkWithoutAReload() throws Exception {
        String username = TestAccounts.create(this, "author");
        String headline = "Lighthouse keepers' cottages to become a museum " + Long.toString(System.nanoTime(), 36);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
                BrowserContext stranger = chromium.browser().newContext()) {
            context.setDefaultTimeout(15_000);
            context.clock().install();
            Page page = context.newPage();
            List<String> scriptErrors = new CopyOnWriteArrayList<>();
            page.onPageError(error -> scriptErrors.add("uncaught: " + error));
            signIn(page, username);

            page.navigate(site().base() + "/newsroom/articles/new");
            assertThat(page.locator("a.preview-link").isVisible()).as("no preview link before the draft exists").isFalse();
            page.fill("#headline", headline);
            page.fill("#body", "The cottages open to visitors next spring.");
            nextAutosave(page);
            waitUntilAutosaved(page);

            Locator link = page.locator("a.preview-link");
            link.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(5_000));
            String href = link.getAttribute("href");
            assertThat(href).startsWith("/preview/");
            assertThat(page.url()).as("no reload: the same page, its address replaced").matches(".*/newsroom/articles/\\d+$");

            // The link works for someone who is not signed in, and shows the draft.
            Page reader = stranger.newPage();
            reader.navigate(site().base() + href);
            assertThat(reader.locator("h1").textContent().strip()).isEqualTo(headline);
            assertThat(scriptErrors).isEmpty();
        }
    }

    /** Moves the page's clock on to the editor's next autosave (assets/editor.js saves every 5 seconds). */
    private static void nextAutosave(Page page) {
        page.clock().runFor(AUTOSAVE_EVERY_MS);
    }

    /** "Saved hh:mm:ss"; not "Not saved yet: …", whose text the failure then shows. */
    private static void waitUntilAutosaved(Page page) {
        try {
            page.locator("#save-status").filter(new Locator.FilterOptions().setHasText(
                    java.util.regex.Pattern.compile("^Saved \\d"))).waitFor();
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("Not autosaved; the status line says: " + page.textContent("#save-status"), e);
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(site().base() + "/newsroom/login");
        page.fill("#username", username);
        page.fill("#password", TestAccounts.PASSWORD);
        page.press("#password", "Enter");
        page.waitForURL(site().base() + "/newsroom");
    }
}
