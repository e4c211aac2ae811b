package news.dateline.story;

import java.util.List;
import java.util.Locale;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Every story in the newsroom, newest change first, filtered by status and to one's own. */
@Controller
@NewsroomScreen
class ArticleListController {

    private static final int LIMIT = 200;

    private final EditorialRepository editorial;
    private final NewsroomTimes times;

    ArticleListController(EditorialRepository editorial, NewsroomTimes times) {
        this.editorial = editorial;
        this.times = times;
    }

    @GetMapping("/newsroom/articles")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean mine,
            @ModelAttribute("staff") Staff staff, Model model) {
        ArticleStatus filter = switch (status) {
            case "draft", "scheduled", "published" -> ArticleStatus.valueOf(status.toUpperCase(Locale.ROOT));
            default -> null;
        };
        List<ArticleList.Row> rows = editorial.list(filter, mine ? staff.acting() : null, LIMIT).stream()
                .map(a -> new ArticleList.Row(a, times.human(switch (a.status()) {
                    case SCHEDULED -> a.scheduledFor();
                    case PUBLISHED -> a.publishedAt();
                    case DRAFT -> a.modifiedAt();
                })))
                .toList();
        model.addAttribute("list", new ArticleList(filter == null ? "" : status, mine, rows));
        return "story/articles";
    }
}
