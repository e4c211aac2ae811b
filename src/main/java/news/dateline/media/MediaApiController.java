package news.dateline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import news.dateline.platform.ApiEndpoint;
import news.dateline.platform.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The library's JSON API. Authors, editors and admins (account/SecurityConfig), with the session's CSRF token in
 * the {@code X-CSRF-TOKEN} header for an upload; refusals as {@code application/problem+json} (platform/ApiProblems).
 * An upload answers {@code 201} at once, with {@code state: "pending"}: the sizes follow in the background.
 */
@RestController
@ApiEndpoint
@RequestMapping("/api/v1/media")
class MediaApiController {

    private final MediaLibrary library;
    private final MediaRepository repository;
    private final MediaProperties properties;
    private final FileReplacer replacer;

    MediaApiController(MediaLibrary library, MediaRepository repository, MediaProperties properties,
            FileReplacer replacer) {
        this.replacer = replacer;
        this.library = library;
        this.repository = repository;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<MediaJson> upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
            @RequestParam(required = false) String credit, Principal principal) {
        MediaLibrary.Taken taken = library.upload(read(file, properties, principal.getName(), alt, caption, credit));
        MediaJson json = MediaJson.of(taken.item(), repository.derivatives(taken.item().id()));
        URI location = URI.create("/api/v1/media/" + taken.item().id());
        return taken.added() ? ResponseEntity.created(location).body(json)
                : ResponseEntity.ok().location(location).body(json);
    }

    /**
     * A new file for the item (multipart field {@code file}), keeping its number, description and uses: answers the
     * item, {@code state: "pending"} while its new sizes are made (the old ones are served until then).
     */
    @PostMapping("/{id}/file")
    MediaJson replace(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Principal principal) {
        FileReplacer.Replaced replaced = replacer.replace(id, read(file, properties, principal.getName(), null, null,
                null));
        return MediaJson.of(replaced.item(), repository.derivatives(id));
    }

    @GetMapping("/{id}")
    MediaJson item(@PathVariable long id) {
        MediaItem item = repository.find(id).orElseThrow(() -> Refusal.notFound(MediaMessages.NOT_FOUND.formatted(id)));
        return MediaJson.of(item, repository.derivatives(id));
    }

    /** The upload's bytes, its size checked before they are read into memory. */
    static MediaLibrary.Upload read(MultipartFile file, MediaProperties properties, String by, String alt,
            String caption, String credit) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            throw Refusal.invalid(MediaMessages.NO_FILE, java.util.Map.of("file", MediaMessages.NO_FILE));
        }
        String name = MediaLibrary.displayName(file.getOriginalFilename());
        if (file.getSize() > properties.maxSize().toBytes()) {
            String message = MediaMessages.TOO_LARGE.formatted(name,
                    "%.1f MB".formatted(file.getSize() / 1048576.0), properties.maxSize().toMegabytes() + " MB");
            throw Refusal.invalid(message, java.util.Map.of("file", message));
        }
        try {
            return new MediaLibrary.Upload(name, file.getBytes(), alt, caption, credit, by);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
