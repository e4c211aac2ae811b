package news.dateline.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Dateline distributes its stories. Checked at start: a sitemap file the search engines would refuse
 * (over 50,000 URLs) fails the boot, not the crawl.
 *
 * @param fullContent         feeds carry the whole story (the page's body HTML), or only the standfirst
 * @param size                stories per feed
 * @param websubHub           the WebSub hub to ping after a change; empty turns WebSub off
 * @param sitemapUrlsPerFile  URLs per sitemap file before the index points at the next one
 */
@ConfigurationProperties("dateline.feed")
public record FeedProperties(
        @DefaultValue("true") boolean fullContent,
        @DefaultValue("30") int size,
        @DefaultValue("") String websubHub,
        @DefaultValue("50000") int sitemapUrlsPerFile) {

    /** The sitemaps.org protocol's limit for one file. */
    static final int SITEMAP_LIMIT = 50_000;

    public FeedProperties {
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("dateline.feed.size must be between 1 and 200, not " + size);
        }
        if (sitemapUrlsPerFile < 1 || sitemapUrlsPerFile > SITEMAP_LIMIT) {
            throw new IllegalArgumentException("dateline.feed.sitemap-urls-per-file must be between 1 and "
                    + SITEMAP_LIMIT + ", not " + sitemapUrlsPerFile);
        }
        websubHub = websubHub.strip();
        if (!websubHub.isEmpty() && !websubHub.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("dateline.feed.websub-hub must be an http(s) URL, not " + websubHub);
        }
    }

    boolean websubEnabled() {
        return !websubHub.isEmpty();
    }
}
