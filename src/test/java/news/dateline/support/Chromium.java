package news.dateline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright, for the browser tests. When it is not installed the calling
 * tests are skipped, saying so, rather than failed: `.ci/run` installs it.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        assumeTrue(Files.isExecutable(EXECUTABLE), EXECUTABLE + " is absent: browser tests skipped");
        // never fetch Playwright's own browsers, even when run outside Maven (surefire sets the same variable)
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // no network of its own (updates, sync, QUIC): the browser talks only to the site under test
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
