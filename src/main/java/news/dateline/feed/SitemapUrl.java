package news.dateline.feed;

import java.time.Instant;

/** One address in a sitemap, with when what it shows last changed (null when nothing is published there). */
record SitemapUrl(String path, Instant lastModified) {
}
