package news.dateline.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in to the newsroom in a real Chromium: a mistake keeps what was typed, then the dashboard. */
class SignInInABrowserTest extends SqliteSite {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    @Test
    void aWrongPasswordShowsTheMessageAndTheFormKeepsTheUsername() {
        String editor = TestAccounts.create(this, "editor");
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1100, 700)
                // an address of its own, so the sign-in throttle counts this browser alone
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2.77")))) {
            Page page = context.newPage();
            page.navigate(site().base() + "/newsroom");
            assertThat(page).hasURL(site().base() + "/newsroom/login");

            page.getByLabel("Username").fill(editor);
            page.getByLabel("Password").fill("not my password");
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.ALERT))
                    .hasText(AccountMessages.BAD_CREDENTIALS);
            assertThat(page.getByLabel("Username")).hasValue(editor);
            assertThat(page.getByLabel("Password")).hasValue("");
            assertThat(page.getByLabel("Password")).isFocused();
            assertThat(page.url()).doesNotContain("not");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("newsroom-sign-in-refused.png")));

            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByLabel("Password").press("Enter");

            // Spring Security marks a return to the page first asked for with ?continue
            assertThat(page).hasURL(Pattern.compile("^http://localhost:\\d+/newsroom(\\?continue)?$"));
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
            assertThat(page.locator(".nr-signout span")).hasText(editor + " · editor");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("newsroom-dashboard.png"))
                    .setFullPage(true));
        }
    }
}
