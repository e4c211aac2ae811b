package news.dateline.platform.cache;

import java.util.List;
import java.util.Map;

/**
 * A rendered page as sent: the headers worth replaying, the body plain and gzip-compressed (gzip null only for a
 * page that is not stored and was sent plain: with the cache off, compressing it would be wasted), its validators; whether
 * its handler reads {@code ?page=} (if not, this one entry answers every page number); the route pattern its
 * handler matched (so that a hit is counted under that route in the HTTP metrics; null if none); and the hit's
 * whole answer built from these once, when the page is stored ({@link HitAnswer}).
 */
record StoredPage(
        List<Map.Entry<String, String>> headers,
        byte[] plain,
        byte[] gzip,
        String etag,
        long lastModified,
        String dependsOn,
        boolean paginated,
        String route,
        HitAnswer hit) {

    /** A page as stored: its hit's answer is built here, with the Cache-Control a hit sends. */
    StoredPage(List<Map.Entry<String, String>> headers, byte[] plain, byte[] gzip, String etag, long lastModified,
            String dependsOn, boolean paginated, String route, String cacheControl) {
        this(headers, plain, gzip, etag, lastModified, dependsOn, paginated, route,
                HitAnswer.of(headers, cacheControl, etag, lastModified));
    }

    boolean taggedWith(String key) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(CacheTags.XKEY)
                    && java.util.Arrays.asList(header.getValue().strip().split("\\s+")).contains(key)) {
                return true;
            }
        }
        return false;
    }

    int weight() {
        return plain.length + gzip.length + 256;
    }
}
