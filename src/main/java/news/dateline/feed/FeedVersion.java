package news.dateline.feed;

import java.time.Instant;

/**
 * How far what a feed or sitemap shows has come: the newest change to any story in it (in any status, so an
 * unpublished story changes it too) and how many things it counts (stories; for sitemaps also sections and
 * authors). It answers conditional GETs without
 * building the response.
 */
record FeedVersion(long newestChangeMillis, long items, String variant) {

    /** Weak: the same stories serialised (or compressed) differently are still the same feed. */
    String etag() {
        return "W/\"" + variant + "-" + items + "-" + Long.toString(newestChangeMillis, 36) + "\"";
    }

    /** Milliseconds as HTTP dates carry them: whole seconds. */
    long lastModified() {
        return Instant.ofEpochMilli(newestChangeMillis).getEpochSecond() * 1000;
    }
}
