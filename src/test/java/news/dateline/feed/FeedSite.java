package news.dateline.feed;

import news.dateline.support.RunningSite;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings every distribution journey runs with: a public address unlike the test server's (so the
 * tests prove every absolute link comes from {@code dateline.site.base-url}), the loopback hub stub, and
 * sitemap files of 10 URLs so that the sample site alone spans several article sitemaps.
 */
interface FeedSite extends RunningSite {

    String BASE = "https://news.example.test";
    int URLS_PER_FILE = 10;

    static void settings(DynamicPropertyRegistry registry) {
        registry.add("dateline.site.base-url", () -> BASE);
        registry.add("dateline.feed.websub-hub", () -> HubStub.get().url());
        registry.add("dateline.feed.sitemap-urls-per-file", () -> URLS_PER_FILE);
    }

    /** {@code https://news.example.test/world/} → {@code /world/}, failing if a link is not on the public site. */
    static String pathOf(String absolute) {
        if (!absolute.startsWith(BASE + "/")) {
            throw new AssertionError("Not an address on " + BASE + ": " + absolute);
        }
        return absolute.substring(BASE.length());
    }
}
