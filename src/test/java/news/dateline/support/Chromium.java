package news.dateline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, headless, driven by Playwright, for the browser tests. When it is not installed the calling
 * tests are skipped, saying so, rather than failed: `.ci/run` installs it. A test launches one for itself
 * ({@code try (Chromium chromium = Chromium.launch())}), or a class shares one among its tests:
 * {@code @RegisterExtension static final Chromium.ForClass chromium = Chromium.forClass();}. {@link #axeViolations}
 * runs axe-core on a page.
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

    /** One browser for all of a test class's tests: launched before the first (or skipping them all), closed after. */
    public static ForClass forClass() {
        return new ForClass();
    }

    public Browser browser() {
        return browser;
    }

    /**
     * axe-core's violations on the page as it is now, each as "rule: help at selectors". axe is injected as a script
     * of the test's own, so the page's context must bypass the site's Content-Security-Policy.
     */
    public static List<String> axeViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Axe.SCRIPT));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("""
                async () => {
                  const results = await axe.run(document, { resultTypes: ['violations'] });
                  return results.violations.map(v => v.id + ': ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        return found;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** The browser of {@link #forClass()}. */
    public static final class ForClass implements BeforeAllCallback, AfterAllCallback {

        private Chromium chromium;

        private ForClass() {
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            chromium = launch();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (chromium != null) {
                chromium.close();
                chromium = null;
            }
        }

        public Browser browser() {
            return chromium.browser();
        }
    }

    /** The axe-core engine (axe.min.js, shipped in Deque's axe-core jar), read once. */
    private static final class Axe {

        static final String SCRIPT = read();

        private static String read() {
            try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
