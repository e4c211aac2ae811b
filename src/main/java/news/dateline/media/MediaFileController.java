package news.dateline.media;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.media.MediaStore.Area;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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

    /** How long a browser or cache may keep the library address's answer: a new focal point makes new files. */
    private static final CacheControl A_WHILE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final int BODY_WIDTH = 960;

    private final MediaStore store;
    private final MediaRepository repository;

    MediaFileController(MediaStore store, MediaRepository repository) {
        this.store = store;
        this.repository = repository;
    }

    /**
     * An item's stable address ({@code /media/library/<id>.jpg}), for bodies that name a picture before its sizes
     * exist (a WordPress import's rewritten {@code <img>}): a redirect to its ready JPEG nearest the article
     * column's width; 404 while none is ready.
     */
    @GetMapping(PREFIX + "library/{id}.jpg")
    ResponseEntity<Void> library(@PathVariable long id) {
        return repository.derivatives(id).stream()
                .filter(d -> d.crop() == Crop.FULL && d.format() == Encoders.Format.JPEG)
                .min(java.util.Comparator.comparingInt(d -> Math.abs(d.width() - BODY_WIDTH)))
                .map(best -> ResponseEntity.status(HttpStatus.FOUND).cacheControl(A_WHILE)
                        .location(java.net.URI.create(best.url())).<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
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
