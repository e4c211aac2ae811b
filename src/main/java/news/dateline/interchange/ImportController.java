package news.dateline.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The newsroom's WordPress import: an admin uploads an export and reads the summary. The upload is streamed to
 * a temporary file (never held in memory) and imported in one transaction, as the command line does.
 */
@Controller
@NewsroomScreen
class ImportController {

    static final String NO_FILE = "Choose a WordPress export file (.xml) to import.";
    static final String ADMINS_ONLY = "Only admins import content.";

    private final WxrImporter importer;

    ImportController(WxrImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/newsroom/import")
    String form(@ModelAttribute("staff") Staff staff, Model model) {
        requireAdmin(staff);
        model.addAttribute("view", ImportView.empty());
        return "interchange/import";
    }

    @PostMapping("/newsroom/import")
    String upload(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean flattenCategories, Model model) throws IOException {
        requireAdmin(staff);
        if (file == null || file.isEmpty()) {
            model.addAttribute("view", new ImportView(NO_FILE, null, List.of(), dryRun, flattenCategories));
            return "interchange/import";
        }
        Path upload = Files.createTempFile("dateline-wxr-", ".xml");
        try {
            file.transferTo(upload);
            ImportSummary summary = importer.importFile(upload,
                    new WxrImporter.Options(dryRun, flattenCategories, true), read -> { });
            model.addAttribute("view", new ImportView(null, file.getOriginalFilename(), summary.lines(), dryRun,
                    flattenCategories));
        } catch (WxrFormatException e) {
            model.addAttribute("view", new ImportView("Refused " + file.getOriginalFilename()
                    + ", nothing was imported: " + e.getMessage(), null, List.of(), dryRun, flattenCategories));
        } finally {
            Files.deleteIfExists(upload);
        }
        return "interchange/import";
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden(ADMINS_ONLY);
        }
    }
}
