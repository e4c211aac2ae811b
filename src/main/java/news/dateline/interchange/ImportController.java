package news.dateline.interchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.dateline.interchange.uploads.UploadsZip;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The newsroom's WordPress import: an admin uploads an export, optionally with a zip of its
 * {@code wp-content/uploads}, and reads the summary. Each upload is streamed to a temporary file (never held in
 * memory); the zip is unpacked into a temporary folder ({@link UploadsZip}: nothing outside it, within its limits)
 * and imported as {@code --uploads DIR} is, in one transaction, as the command line does. Every temporary file goes
 * afterwards, whatever became of the import.
 */
@Controller
@NewsroomScreen
class ImportController {

    static final String NO_FILE = "Choose a WordPress export file (.xml) to import.";
    static final String ADMINS_ONLY = "Only admins import content.";

    private final WxrImporter importer;
    private final UploadsZip.Limits limits;

    ImportController(WxrImporter importer,
            @Value("${dateline.import.uploads-max-unpacked:4GB}") DataSize maxUnpacked,
            @Value("${dateline.import.uploads-max-files:100000}") int maxFiles) {
        this.importer = importer;
        this.limits = new UploadsZip.Limits(maxUnpacked, maxFiles); // checked at boot
    }

    @GetMapping("/newsroom/import")
    String form(@ModelAttribute("staff") Staff staff, Model model) {
        requireAdmin(staff);
        model.addAttribute("view", ImportView.empty());
        return "interchange/import";
    }

    @PostMapping("/newsroom/import")
    String upload(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) MultipartFile uploads,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean flattenCategories, Model model,
            HttpServletResponse response) throws IOException {
        requireAdmin(staff);
        if (file == null || file.isEmpty()) {
            model.addAttribute("view", new ImportView(NO_FILE, null, List.of(), dryRun, flattenCategories));
            return "interchange/import";
        }
        Path upload = Files.createTempFile("dateline-wxr-", ".xml");
        UploadsZip folder = null;
        try {
            file.transferTo(upload);
            if (uploads != null && !uploads.isEmpty()) {
                try {
                    folder = unpack(uploads);
                } catch (UploadsZip.Refused refused) {
                    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                    model.addAttribute("view", new ImportView(null, null, List.of(), dryRun, flattenCategories,
                            refused.getMessage()));
                    return "interchange/import";
                }
            }
            ImportSummary summary = importer.importFile(upload, new WxrImporter.Options(dryRun, flattenCategories,
                    true, folder == null ? null : folder.folder()), read -> { });
            model.addAttribute("view", new ImportView(null, file.getOriginalFilename(), summary.lines(), dryRun,
                    flattenCategories));
        } catch (WxrFormatException e) {
            model.addAttribute("view", new ImportView("Refused " + file.getOriginalFilename()
                    + ", nothing was imported: " + e.getMessage(), null, List.of(), dryRun, flattenCategories));
        } finally {
            Files.deleteIfExists(upload);
            if (folder != null) {
                folder.close();
            }
        }
        return "interchange/import";
    }

    /** The zip, streamed to a temporary file and unpacked; the zip itself goes as soon as it is unpacked. */
    private UploadsZip unpack(MultipartFile uploads) throws IOException, UploadsZip.Refused {
        Path zip = Files.createTempFile("dateline-uploads-", ".zip");
        try {
            uploads.transferTo(zip);
            String name = uploads.getOriginalFilename() == null ? "uploads.zip" : uploads.getOriginalFilename();
            return UploadsZip.unpack(zip, name, limits);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden(ADMINS_ONLY);
        }
    }
}
