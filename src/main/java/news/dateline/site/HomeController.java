package news.dateline.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.dateline.front.FrontPicks;
import news.dateline.front.FrontRepository;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.platform.change.UntilChanged;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.taxonomy.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the lead (the editors' choice, or the newest story), the top stories they chose, Latest, then a
 * block per section led by its pinned story. No story shows twice: each list leaves out what an earlier one showed.
 */
@Controller
class HomeController {

    private static final int LATEST = 10;
    private static final int PER_SECTION = 4;

    private final ArticleRepository articles;
    private final FrontRepository front;
    private final StoryCards cards;

    private final UntilChanged untilChanged;

    HomeController(ArticleRepository articles, FrontRepository front, StoryCards cards, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.articles = articles;
        this.front = front;
        this.cards = cards;
    }

    @CachedPage
    @GetMapping("/")
    String home(Model model, jakarta.servlet.http.HttpServletResponse response) {
        CacheTags.add(response, CacheTags.HOME, CacheTags.FRONT);
        // Everything on it is stories and the editors' picks: read once per change, not per render.
        model.addAttribute("home", untilChanged.get(HomePage.class, this::page));
        return "site/home";
    }

    private HomePage page() {
        FrontPicks picks = front.picks();
        Set<Long> shown = new HashSet<>();
        Teaser lead = picks.lead() == null ? null
                : articles.publishedTeasers(List.of(picks.lead())).stream().findFirst().orElse(null);
        List<Teaser> top = articles.publishedTeasers(picks.top()).stream()
                .filter(t -> lead == null || t.id() != lead.id()).toList();
        top.forEach(t -> shown.add(t.id()));
        List<Teaser> newest = unshown(articles.latest(LATEST + top.size() + 2, 0), shown, Integer.MAX_VALUE);
        Teaser leading = lead != null ? lead : newest.isEmpty() ? null : newest.getFirst();
        if (leading != null) {
            shown.add(leading.id());
        }
        List<Teaser> latest = unshown(newest, shown, LATEST);
        latest.forEach(t -> shown.add(t.id()));
        return new HomePage(leading == null ? null : cards.of(leading), cards.of(top), cards.of(latest),
                sectionBlocks(picks, shown));
    }

    /** Each section's pinned story first, then its newest, leaving out every story shown above. */
    private List<HomePage.SectionBlock> sectionBlocks(FrontPicks picks, Set<Long> shown) {
        Map<Long, Section> order = new LinkedHashMap<>();
        Map<Long, List<Teaser>> stories = new LinkedHashMap<>();
        Map<Long, Teaser> pinned = new LinkedHashMap<>();
        for (Teaser pin : articles.publishedTeasers(List.copyOf(picks.pins().values()))) {
            if (picks.pins().get(pin.section().id()) instanceof Long id && id == pin.id() && !shown.contains(id)) {
                pinned.put(pin.section().id(), pin);
            }
        }
        for (Teaser teaser : articles.latestPerSection(PER_SECTION + shown.size() + 1)) {
            order.putIfAbsent(teaser.section().id(), teaser.section());
            stories.computeIfAbsent(teaser.section().id(), id -> new ArrayList<>()).add(teaser);
        }
        List<HomePage.SectionBlock> blocks = new ArrayList<>();
        for (Section section : order.values()) {
            List<Teaser> block = new ArrayList<>();
            Teaser pin = pinned.get(section.id());
            if (pin != null) {
                block.add(pin);
                shown.add(pin.id());
            }
            block.addAll(unshown(stories.get(section.id()), shown, PER_SECTION - block.size()));
            block.forEach(t -> shown.add(t.id()));
            if (!block.isEmpty()) {
                blocks.add(new HomePage.SectionBlock(section, cards.of(block)));
            }
        }
        return blocks;
    }

    private static List<Teaser> unshown(List<Teaser> teasers, Set<Long> shown, int limit) {
        return teasers.stream().filter(t -> !shown.contains(t.id())).limit(limit).toList();
    }
}
