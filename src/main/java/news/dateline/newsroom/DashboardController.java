package news.dateline.newsroom;

import java.util.List;
import news.dateline.platform.Moments;
import news.dateline.platform.OperationsNotes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The newsroom's front page: what is waiting, what goes out next, what just went out. */
@Controller
@NewsroomScreen
class DashboardController {

    private static final int SHORT_LIST = 8;
    private static final int QUEUE = 20;

    private final DashboardRepository dashboard;
    private final Moments moments;
    private final List<OperationsNotes> operations;

    DashboardController(DashboardRepository dashboard, Moments moments, List<OperationsNotes> operations) {
        this.dashboard = dashboard;
        this.moments = moments;
        this.operations = operations;
    }

    @GetMapping("/newsroom")
    String dashboard(@ModelAttribute("staff") Staff staff, Model model) {
        // authors and contributors come to the dashboard for their own work first
        boolean mineFirst = !staff.isEditor();
        model.addAttribute("mineFirst", mineFirst);
        model.addAttribute("myDrafts", mineFirst && staff.authorId() != null
                ? dashboard.draftsBy(staff.authorId(), SHORT_LIST) : List.of());
        model.addAttribute("moments", moments);
        model.addAttribute("counts", dashboard.counts());
        model.addAttribute("drafts", dashboard.recentDrafts(SHORT_LIST));
        model.addAttribute("scheduled", dashboard.scheduled(SHORT_LIST));
        model.addAttribute("published", dashboard.recentlyPublished(SHORT_LIST));
        // editors and admins review updates; authors only propose them
        model.addAttribute("pendingUpdates", staff.isEditor() ? dashboard.pendingUpdates(QUEUE) : List.of());
        // how this node runs (base URL, backups) is the admins' business
        model.addAttribute("operations", staff.isAdmin()
                ? operations.stream().flatMap(notes -> notes.notes().stream()).toList() : List.of());
        return "newsroom/dashboard";
    }
}
