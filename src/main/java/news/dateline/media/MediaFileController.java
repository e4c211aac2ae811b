package news.dateline.media;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.media.MediaStore.Area;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readers' picture files: {@code /media/<sha256>.<ext>}, only ever from the public area (the originals are not
 * reachable by any address here). The address names the bytes, so the answer never changes: cached for a year as
 * immutable, with the hash as a strong ETag (a conditional GET is answered 304) and byte ranges answered 206 (Spring
 * MVC does both for a {@link Resource} body).
 */
@RestController
class MediaFileController {

    static final String PREFIX = "/media/";
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.(jpg|webp)");
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaStore store;

    MediaFileController(MediaStore store) {
        this.store = store;
    }

    @GetMapping(PREFIX + "{name}")
    ResponseEntity<Resource> file(@PathVariable String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return ResponseEntity.notFound().build();
        }
        return store.find(Area.PUBLIC, name)
                .map(file -> ResponseEntity.ok()
                        .cacheControl(FOREVER)
                        .eTag("\"" + matcher.group(1) + "\"")
                        .contentType(matcher.group(2).equals("webp") ? MediaType.parseMediaType("image/webp")
                                : MediaType.IMAGE_JPEG)
                        .body(file))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
