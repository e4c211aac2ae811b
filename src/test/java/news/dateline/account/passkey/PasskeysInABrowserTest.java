package news.dateline.account.passkey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys in a real Chromium with a virtual authenticator (Chrome DevTools Protocol, WebAuthn domain: CTAP2, built
 * in, resident keys, user verification that always succeeds): a writer adds a passkey on the passkeys screen, signs
 * out, signs in with "Sign in with a passkey" alone, and later uses it as the second step after the password. The
 * browser checks the origin and RP id itself, so this site's base URL is the address the browser uses (a port chosen
 * before the server starts). axe finds no violation on the passkeys screen, the sign-in page and the second step.
 */
class PasskeysInABrowserTest extends SqliteSite {

    private static final int PORT = freePort();

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    @DynamicPropertySource
    static void publicAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("dateline.site.base-url", () -> "http://localhost:" + PORT);
    }

    @Test
    void aWriterAddsAPasskeySignsOutAndSignsInWithThePasskeyButton() {
        String author = TestAccounts.create(this, "author");
        String base = site().base();
        assertThat(base).isEqualTo("http://localhost:" + PORT);
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1100, 800)
                .setBypassCSP(true) // for axe, injected as a script of the test's own
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2.91")))) {
            Page page = context.newPage();
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("WebAuthn.enable");
            JsonObject options = new JsonObject();
            options.addProperty("protocol", "ctap2");
            options.addProperty("transport", "internal");
            options.addProperty("hasResidentKey", true);
            options.addProperty("hasUserVerification", true);
            options.addProperty("isUserVerified", true);
            options.addProperty("automaticPresenceSimulation", true);
            JsonObject add = new JsonObject();
            add.add("options", options);
            String authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", add)
                    .get("authenticatorId").getAsString();

            page.navigate(base + "/newsroom/login");
            page.getByLabel("Username").fill(author);
            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByLabel("Password").press("Enter");
            page.waitForURL(Pattern.compile(".*/newsroom(\\?continue)?$"));

            page.navigate(base + "/newsroom/passkeys");
            violations.addAll(check(page, "passkeys screen, none yet"));
            page.getByLabel("Name").fill("This browser");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
            page.waitForURL(Pattern.compile(".*/newsroom/passkeys\\?added=.*"));
            assertThat(page.locator("#passkeys-notice")).hasText(PasskeyMessages.ADDED.formatted("This browser"));
            assertThat(page.locator("#passkeys .passkey-name")).hasText("This browser");
            violations.addAll(check(page, "passkeys screen, one passkey"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("newsroom-passkeys.png")));
            JsonObject which = new JsonObject();
            which.addProperty("authenticatorId", authenticator);
            assertThat(cdp.send("WebAuthn.getCredentials", which).getAsJsonArray("credentials"))
                    .as("a discoverable credential in the authenticator").hasSize(1);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(Pattern.compile(".*/newsroom/login\\?signed-out$"));
            Page.GetByRoleOptions passkeyButton = new Page.GetByRoleOptions().setName("Sign in with a passkey");
            assertThat(page.getByRole(AriaRole.BUTTON, passkeyButton)).isVisible();
            violations.addAll(check(page, "sign-in page"));
            page.getByRole(AriaRole.BUTTON, passkeyButton).click();
            page.waitForURL(base + "/newsroom");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                    .isVisible();
            assertThat(page.locator(".nr-signout span")).hasText(author + " · author");

            // and as the second step after the password
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(Pattern.compile(".*/newsroom/login\\?signed-out$"));
            page.getByLabel("Username").fill(author);
            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByLabel("Password").press("Enter");
            page.waitForURL(base + "/newsroom/login/code");
            violations.addAll(check(page, "second step"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
            page.waitForURL(Pattern.compile(".*/newsroom$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(
                    "newsroom-signed-in-with-a-passkey.png")));
        }
        assertThat(violations).as("axe violations").isEmpty();
    }

    private static List<String> check(Page page, String where) {
        return Chromium.axeViolations(page).stream().map(v -> where + ": " + v).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
