package news.dateline.platform.cache;

import java.util.List;
import java.util.Map;

/**
 * A rendered page as sent: the headers worth replaying, the body plain and gzip-compressed, its validators, and the
 * route pattern its handler matched (so that a hit is counted under that route in the HTTP metrics; null if none).
 */
record StoredPage(
        List<Map.Entry<String, String>> headers,
        byte[] plain,
        byte[] gzip,
        String etag,
        long lastModified,
        String dependsOn,
        String route) {

    int weight() {
        return plain.length + gzip.length + 256;
    }
}
