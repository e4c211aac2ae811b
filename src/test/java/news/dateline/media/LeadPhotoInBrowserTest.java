package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder;
import news.dateline.support.StoryBuilder.Written;
import org.junit.jupiter.api.Test;

/**
 * A reader's Chromium picks the lead photo's size from {@code srcset} and {@code sizes}: on a phone (375 CSS pixels,
 * two device pixels to each) a WebP of about 750 pixels, never the 2048 one; on a desktop (1280, the same density)
 * a larger WebP for the 42rem column. Which of the two sizes around the need it takes is the browser's choice (Blink
 * may take the one below when it is near), so the test accepts those two and no other. No image request fails.
 */
class LeadPhotoInBrowserTest extends SqliteSite {

    @Test
    void aPhoneFetchesAWebpNearItsWidthAndADesktopALargerOneNeverTheLargest() throws Exception {
        Photographer editor = Photographer.as(this, "editor");
        String unique = Long.toString(System.nanoTime(), 36);
        long id = editor.uploaded("wide-" + unique + ".jpg", TestPictures.plainJpeg(2400, 1600,
                new Color((int) (System.nanoTime() & 0xffffff))), Map.of("alt", "The harbour from the hill " + unique))
                .get("id").asLong();
        assertThat(editor.whenMade(id).get("state").asString()).isEqualTo("ready");
        Written story = StoryBuilder.story(this, "The view from the hill " + unique).write();
        PhotoPagesAreValidHtmlTest.choose(editor, story.id(), id);

        try (Chromium chromium = Chromium.launch()) {
            int phone = fetchedWidth(chromium.browser(), story.path(), 375, 812);
            assertThat(phone).as("375 px at 2x needs 750: the sizes around it").isIn(640, 960);
            int desktop = fetchedWidth(chromium.browser(), story.path(), 1280, 900);
            assertThat(desktop).as("a 42rem column (672 px) at 2x needs 1344: the sizes around it").isIn(1280, 1600);
            assertThat(desktop).isGreaterThan(phone);
            System.out.println("Lead photo fetched by Chromium at 2x: " + phone + " px wide at 375, " + desktop
                    + " px wide at 1280");
        }
    }

    /** Opens the article at this viewport (device scale 2) and answers the width of the lead photo file it loaded. */
    private int fetchedWidth(Browser browser, String path, int width, int height) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setDeviceScaleFactor(2))) {
            context.setDefaultTimeout(15_000);
            List<String> media = new CopyOnWriteArrayList<>();
            List<String> failed = new CopyOnWriteArrayList<>();
            Page page = context.newPage();
            page.onRequest(request -> {
                if (request.url().contains("/media/")) {
                    media.add(request.url().substring(request.url().indexOf("/media/")));
                }
            });
            page.onRequestFailed(request -> failed.add(request.url() + ": " + request.failure()));
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    failed.add(response.url() + ": " + response.status());
                }
            });
            page.navigate(site().base() + path);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.waitForFunction("() => { const i = document.querySelector('figure.lead-photo img');"
                    + " return i && i.complete && i.naturalWidth > 0; }");

            Map<String, Integer> offered = new LinkedHashMap<>();
            String webp = page.locator("figure.lead-photo source[type='image/webp']").getAttribute("srcset");
            String jpeg = page.locator("figure.lead-photo img").getAttribute("srcset");
            for (String candidate : (webp + ", " + jpeg).split(",")) {
                String[] parts = candidate.strip().split(" ");
                offered.put(parts[0], Integer.parseInt(parts[1].replace("w", "")));
            }
            String current = (String) page.evaluate("() => document.querySelector('figure.lead-photo img').currentSrc");
            String chosen = current.substring(current.indexOf("/media/"));
            assertThat(chosen).as("the browser takes WebP").endsWith(".webp");
            assertThat(offered).as("the file it shows is one offered").containsKey(chosen);
            List<String> lead = media.stream().filter(offered::containsKey).toList();
            assertThat(lead).as("one file of the lead photo is fetched, the one shown").containsExactly(chosen);
            assertThat(offered.get(chosen)).as("never the largest").isLessThan(2048);
            assertThat(failed).as("image requests that failed").isEmpty();
            assertThat(Arrays.asList(webp.split(","))).hasSize(6);
            return offered.get(chosen);
        }
    }
}
