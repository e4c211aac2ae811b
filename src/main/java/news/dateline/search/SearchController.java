package news.dateline.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchController {

    private static final int LIMIT = 20;

    private final SearchRepository search;

    SearchController(SearchRepository search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        model.addAttribute("query", query);
        model.addAttribute("results", query.isEmpty() ? java.util.List.of() : search.find(query, LIMIT));
        return "search/results";
    }
}
