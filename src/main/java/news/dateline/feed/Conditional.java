package news.dateline.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers a GET for a feed or sitemap: 304 when the client's copy is current (decided from the version,
 * without building the body), otherwise the body with its type, ETag and Last-Modified.
 */
final class Conditional {

    /** Readers and crawlers may keep a copy a minute, then must ask again; asking again is a cheap 304. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private Conditional() {
    }

    static ResponseEntity<byte[]> respond(ServletWebRequest request, FeedVersion version, String mediaType,
            Supplier<String> body) {
        // Set before the check so that a 304 carries it too.
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        if (request.checkNotModified(version.etag(), version.lastModified())) {
            return null;
        }
        return ok(mediaType, body.get());
    }

    /** For a response whose only honest version is its content (the news sitemap's moving window). */
    static ResponseEntity<byte[]> respondByContent(ServletWebRequest request, String mediaType, String body) {
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        String etag = "W/\"" + digest(body) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ok(mediaType, body);
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static ResponseEntity<byte[]> ok(String mediaType, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
