package news.dateline.feed;

import java.time.Instant;

/** A story in the news sitemap: Google News wants its address, headline and first publication. */
record NewsItem(String path, String headline, Instant publishedAt) {
}
