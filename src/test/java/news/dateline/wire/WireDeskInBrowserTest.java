package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.NewsroomForms;
import news.dateline.support.SqliteSite;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** The wire desk open in a real Chromium: a flash dropped into the folder appears without a reload, then Use. */
class WireDeskInBrowserTest extends SqliteSite {

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    @Test
    @Timeout(120)
    void aFlashDroppedIntoTheFolderAppearsOnTheOpenDeskAndUseGivesADraftWithCreditAndDateline() {
        String editorName = TestAccounts.create(this, "editor");
        String base = site().base();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page desk = context.newPage();
            List<String> failures = new CopyOnWriteArrayList<>();
            desk.onPageError(failures::add);
            desk.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    failures.add(message.text());
                }
            });
            desk.navigate(base + "/newsroom/login");
            desk.getByLabel("Username").fill(editorName);
            desk.getByLabel("Password").fill(TestAccounts.PASSWORD);
            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            desk.waitForURL(base + "/newsroom");
            desk.navigate(base + "/newsroom/wire");
            desk.locator(".wire-live[data-connected=true]").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.ATTACHED).setTimeout(10_000));
            desk.evaluate("() => { window.__notReloaded = true; }");

            String word = "Tromso" + System.nanoTime();
            String uri = "urn:newsml:ntb.no:20261201:" + word;
            long dropped = System.nanoTime();
            new WireFolder(this).drop(word + ".json", WireFiles.ninjs2(uri, 1, "usable", 1,
                    word + " avalanche cuts road", "TROMSO", null));
            long itemId = WireEditor.itemId(this, uri);
            Locator row = desk.locator("#wire-" + itemId);
            row.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(5_000));
            System.out.println("Flash reached the open desk " + (System.nanoTime() - dropped) / 1_000_000
                    + " ms after the file was dropped");

            assertThat(desk.evaluate("() => window.__notReloaded")).as("no reload").isEqualTo(true);
            assertThat(desk.locator(".wire-queue tbody tr").first().getAttribute("id")).isEqualTo("wire-" + itemId);
            assertThat(row.getAttribute("class")).contains("wire-flash");
            assertThat(row.locator(".wire-headline").innerText().strip()).isEqualTo(word + " avalanche cuts road");
            assertThat(row.locator(".wire-urgency").innerText().strip()).isEqualTo("1 flash");
            assertThat(desk.locator("#wire-announce").getAttribute("aria-live")).isEqualTo("polite");
            assertThat(desk.locator("#wire-announce").textContent())
                    .isEqualTo("Flash from wire: " + word + " avalanche cuts road");
            desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("wire-desk-flash.png"))
                    .setFullPage(true));

            // Use, from the pushed row: a draft with the credit and the dateline filled in.
            row.locator(".wire-headline a").click();
            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use")).click();
            desk.waitForURL("**/newsroom/articles/*?done=created");
            assertThat(desk.locator("input[name=source]").inputValue()).isEqualTo("By Maria Olsen. With NTB");
            assertThat(desk.locator("input[name=dateline]").inputValue()).isEqualTo("TROMSO");
            assertThat(desk.locator("input[name=headline]").inputValue()).isEqualTo(word + " avalanche cuts road");
            assertThat(failures).isEmpty();
        }

        // Authors do not get the desk's stream.
        assertThat(NewsroomForms.as(this, "author").get("/newsroom/wire/events").status()).isEqualTo(403);
    }
}
