package news.dateline.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.taxonomy.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final int LATEST = 10;
    private static final int PER_SECTION = 4;

    private final ArticleRepository articles;
    private final StoryCards cards;

    HomeController(ArticleRepository articles, StoryCards cards) {
        this.articles = articles;
        this.cards = cards;
    }

    @CachedPage
    @GetMapping("/")
    String home(Model model, jakarta.servlet.http.HttpServletResponse response) {
        CacheTags.add(response, CacheTags.HOME);
        List<StoryCard> latest = cards.of(articles.latest(LATEST + 1, 0));
        StoryCard lead = latest.isEmpty() ? null : latest.getFirst();
        List<StoryCard> rest = latest.isEmpty() ? List.of() : latest.subList(1, latest.size());
        model.addAttribute("home", new HomePage(lead, rest, sectionBlocks()));
        return "site/home";
    }

    private List<HomePage.SectionBlock> sectionBlocks() {
        Map<Long, Section> order = new LinkedHashMap<>();
        Map<Long, List<StoryCard>> stories = new LinkedHashMap<>();
        for (Teaser teaser : articles.latestPerSection(PER_SECTION)) {
            order.putIfAbsent(teaser.section().id(), teaser.section());
            stories.computeIfAbsent(teaser.section().id(), id -> new ArrayList<>()).add(cards.of(teaser));
        }
        return order.values().stream()
                .map(section -> new HomePage.SectionBlock(section, stories.get(section.id())))
                .toList();
    }
}
