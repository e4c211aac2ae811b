package news.dateline.feed;

import java.time.Instant;

/**
 * One address in a sitemap, with when what it shows last changed (null when nothing is published there).
 *
 * @param articleId the story at this address, or 0 for a listing or a page
 */
record SitemapUrl(String path, Instant lastModified, long articleId) {
}
