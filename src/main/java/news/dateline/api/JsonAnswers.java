package news.dateline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the content API answers a read: the JSON bytes with a strong ETag (SHA-256 of the bytes), so an unchanged
 * answer costs a client a 304 and no body; {@code Cache-Control: public} with the configured max-age, so a CDN or
 * Varnish in front may hold it like a reader page and revalidate it by ETag.
 */
@Component
class JsonAnswers {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final CacheControl cacheControl;

    JsonAnswers(ApiProperties properties) {
        this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic()
                .staleWhileRevalidate(properties.maxAge());
    }

    ResponseEntity<byte[]> ok(HttpServletRequest request, Object body) {
        return okBytes(request, JSON.writeValueAsBytes(body));
    }

    /** JSON already written (the OpenAPI document). */
    ResponseEntity<byte[]> okBytes(HttpServletRequest request, byte[] bytes) {
        String etag = etag(bytes);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).contentType(MediaType.APPLICATION_JSON)
                .body(bytes);
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-None-Match}: a list of tags, weak ones compared weakly (RFC 9110 13.1.2), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
