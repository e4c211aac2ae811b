package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * What a hit sends, built once when the page is stored: the whole header block in the order it goes out
 * ({@code X-Cache: hit}, the render's own headers with the security headers and cache tags, {@code Cache-Control},
 * {@code ETag}, {@code Last-Modified}, {@code Vary}) as ready strings, and the body plain or gzip with its length.
 * A hit then formats, hashes and compresses nothing: it adds these headers, picks a body and writes it once. Both
 * ways a hit is answered ({@link CacheHitFilter} first in the chain, {@link PageCacheFilter} for the requests that
 * one leaves to the rest of the chain) send it through {@link #send}, so their bytes are the same.
 */
final class HitAnswer {

    /** As Tomcat writes {@code setDateHeader}: two-digit day, GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final String[] names;
    private final String[] values;
    private final String etag;
    private final long lastModified;

    private HitAnswer(String[] names, String[] values, String etag, long lastModified) {
        this.names = names;
        this.values = values;
        this.etag = etag;
        this.lastModified = lastModified;
    }

    static HitAnswer of(List<Map.Entry<String, String>> stored, String cacheControl, String etag, long lastModified) {
        int size = stored.size() + 5;
        String[] names = new String[size];
        String[] values = new String[size];
        int i = 0;
        names[i] = PageCacheFilter.X_CACHE;
        values[i++] = "hit";
        for (Map.Entry<String, String> header : stored) {
            names[i] = header.getKey();
            values[i++] = header.getValue();
        }
        names[i] = HttpHeaders.CACHE_CONTROL;
        values[i++] = cacheControl;
        names[i] = HttpHeaders.ETAG;
        values[i++] = etag;
        names[i] = HttpHeaders.LAST_MODIFIED;
        values[i++] = httpDate(lastModified);
        names[i] = HttpHeaders.VARY;
        values[i] = HttpHeaders.ACCEPT_ENCODING;
        return new HitAnswer(names, values, etag, lastModified);
    }

    static String httpDate(long millis) {
        return HTTP_DATE.format(java.time.Instant.ofEpochMilli(millis));
    }

    /** The hit: its headers, then 304 to a matching validator, else 200 with the body plain or gzip (none for HEAD). */
    void send(StoredPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (int i = 0; i < names.length; i++) {
            response.addHeader(names[i], values[i]);
        }
        if (notModified(etag, lastModified, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        byte[] body;
        if (acceptsGzip(request)) {
            response.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = page.gzip();
        } else {
            body = page.plain();
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static boolean notModified(String etag, long lastModified, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        if (request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) == null) {
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && lastModified <= since;
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }
}
