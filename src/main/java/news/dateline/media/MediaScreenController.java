package news.dateline.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The newsroom's photo library ({@code /newsroom/media}, authors up): the pictures newest first with thumbnails,
 * search, uploading one or many as a plain form, and per picture its description, focal point, where it is used,
 * the original's download, and deleting it when no story uses it.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/media")
public class MediaScreenController {

    static final String HOME = "/newsroom/media";
    private static final int PAGE = 60;

    private final MediaRepository repository;
    private final MediaLibrary library;
    private final MediaDesk desk;
    private final MediaStore store;
    private final MediaProperties properties;
    private final ResourceUrlProvider resources;
    private final FileReplacer replacer;

    MediaScreenController(MediaRepository repository, MediaLibrary library, MediaDesk desk, MediaStore store,
            MediaProperties properties, ResourceUrlProvider resources, FileReplacer replacer) {
        this.replacer = replacer;
        this.resources = resources;
        this.repository = repository;
        this.library = library;
        this.desk = desk;
        this.store = store;
        this.properties = properties;
    }

    /** An item with the file its thumbnail shows (null until its sizes are made). */
    public record Tile(MediaItem item, Derivative thumbnail) {
    }

    @ModelAttribute
    void authorsUp(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (staff.role() == Role.CONTRIBUTOR) {
            throw Refusal.forbidden("Contributors cannot use the photo library: an editor adds photos to drafts.");
        }
    }

    @GetMapping
    ModelAndView list(@RequestParam(defaultValue = "") String q) {
        return page(q, List.of(), HttpStatus.OK);
    }

    /** One or many files; each taken or refused on its own, the refusals listed with the file's name. */
    @PostMapping
    ModelAndView upload(@ModelAttribute(name = "staff", binding = false) Staff staff,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
            @RequestParam(defaultValue = "") String credit, RedirectAttributes flash) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .toList();
        if (sent.isEmpty()) {
            return page("", List.of(MediaMessages.NO_FILE), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        List<String> problems = new ArrayList<>();
        int taken = 0;
        for (MultipartFile file : sent) {
            try {
                library.upload(MediaApiController.read(file, properties, staff.username(), alt, caption, credit));
                taken++;
            } catch (Refusal refused) {
                problems.add(refused.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return page("", problems, taken == 0 ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        }
        flash.addFlashAttribute("notice", taken == 1 ? "1 picture added." : taken + " pictures added.");
        return SeeOther.to(HOME);
    }

    @GetMapping("/{id}")
    ModelAndView item(@PathVariable long id) {
        MediaItem item = desk.item(id);
        return itemPage(item, new MediaDesk.Description(item.alt(), item.caption(), item.credit(), item.source(),
                item.copyright(), Integer.toString(item.focalX()), Integer.toString(item.focalY())), Map.of(), null,
                HttpStatus.OK);
    }

    @PostMapping("/{id}")
    ModelAndView describe(@PathVariable long id, @RequestParam(defaultValue = "") String alt,
            @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String copyright,
            @RequestParam(defaultValue = "") String focalX, @RequestParam(defaultValue = "") String focalY,
            RedirectAttributes flash) {
        var typed = new MediaDesk.Description(alt, caption, credit, source, copyright, focalX, focalY);
        try {
            desk.describe(id, typed);
        } catch (Refusal refused) {
            if (refused.fields().isEmpty()) {
                throw refused;
            }
            return itemPage(desk.item(id), typed, refused.fields(), refused.getMessage(), refused.status());
        }
        flash.addFlashAttribute("notice", "Saved.");
        return SeeOther.to(HOME + "/" + id);
    }

    /** A new file for the picture, its number, description and uses kept; a refused one changes nothing. */
    @PostMapping("/{id}/file")
    ModelAndView replace(@ModelAttribute(name = "staff", binding = false) Staff staff, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
        FileReplacer.Replaced replaced;
        try {
            replaced = replacer.replace(id, MediaApiController.read(file, properties, staff.username(), null, null,
                    null));
        } catch (Refusal refused) {
            if (!refused.fields().containsKey("file")) {
                throw refused;
            }
            MediaItem item = desk.item(id);
            return itemPage(item, new MediaDesk.Description(item.alt(), item.caption(), item.credit(), item.source(),
                    item.copyright(), Integer.toString(item.focalX()), Integer.toString(item.focalY())),
                    refused.fields(), refused.getMessage(), refused.status());
        }
        flash.addFlashAttribute("notice", replaced.focalKept() ? MediaMessages.REPLACED_SAME_SHAPE
                : MediaMessages.REPLACED_NEW_SHAPE);
        return SeeOther.to(HOME + "/" + id);
    }

    @PostMapping("/{id}/retry")
    ModelAndView retry(@PathVariable long id, RedirectAttributes flash) {
        desk.retry(id);
        flash.addFlashAttribute("notice", "Its sizes are being made again.");
        return SeeOther.to(HOME + "/" + id);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@PathVariable long id, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", "\"" + desk.delete(id) + "\" deleted.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            MediaItem item = desk.item(id);
            return itemPage(item, new MediaDesk.Description(item.alt(), item.caption(), item.credit(), item.source(),
                    item.copyright(), Integer.toString(item.focalX()), Integer.toString(item.focalY())), Map.of(),
                    refused.getMessage(), HttpStatus.CONFLICT);
        }
    }

    /** The upload as it was sent, metadata and all: for staff only, as a download. */
    @GetMapping("/{id}/original")
    ResponseEntity<Resource> original(@PathVariable long id) {
        MediaItem item = desk.item(id);
        Resource file = store.find(MediaStore.Area.ORIGINALS, item.originalName())
                .orElseThrow(() -> Refusal.notFound("The original of \"" + item.filename() + "\" is missing."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(item.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(item.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    private ModelAndView page(String query, List<String> problems, HttpStatus status) {
        List<Tile> tiles = repository.search(query, PAGE).stream()
                .map(item -> new Tile(item, thumbnail(repository.derivatives(item.id())))).toList();
        ModelAndView page = new ModelAndView("media/library", Map.of("tiles", tiles, "query", query,
                "problems", problems, "maxSize", properties.maxSize().toMegabytes() + " MB", "script", script()));
        page.setStatus(status);
        return page;
    }

    private ModelAndView itemPage(MediaItem item, MediaDesk.Description form, Map<String, String> errors,
            String problem, HttpStatus status) {
        List<Derivative> files = repository.derivatives(item.id());
        ModelAndView page = new ModelAndView("media/item");
        page.addObject("item", item);
        page.addObject("preview", files.stream().filter(f -> f.crop() == Crop.FULL
                        && f.format() == Encoders.Format.JPEG).filter(f -> f.width() <= 960)
                .max(Comparator.comparingInt(Derivative::width)).orElse(null));
        page.addObject("files", files);
        page.addObject("uses", repository.uses(item.id()));
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("problem", problem);
        page.addObject("script", script());
        page.setStatus(status);
        return page;
    }

    /** Drag and drop with progress, and the focal point by a click (the pages work without it). */
    private String script() {
        String url = resources.getForLookupPath("/assets/media-library.js");
        return url == null ? "/assets/media-library.js" : url;
    }

    /** The smallest JPEG of the picture's own shape. */
    static Derivative thumbnail(List<Derivative> files) {
        return files.stream().filter(f -> f.crop() == Crop.FULL && f.format() == Encoders.Format.JPEG)
                .min(Comparator.comparingInt(Derivative::width)).orElse(null);
    }
}
