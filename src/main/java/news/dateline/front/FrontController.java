package news.dateline.front;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The front page screen for editors: the lead, the top stories in order, a pinned story per section. */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/front")
class FrontController {

    private static final String HOME = "/newsroom/front";
    private static final int RECENT = 50;
    private static final int RECENT_IN_SECTION = 20;

    private final FrontRepository front;
    private final FrontService service;
    private final ArticleRepository articles;
    private final SectionRepository sections;

    FrontController(FrontRepository front, FrontService service, ArticleRepository articles,
            SectionRepository sections) {
        this.front = front;
        this.service = service;
        this.articles = articles;
        this.sections = sections;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden("Only editors and admins choose the front page");
        }
    }

    @GetMapping
    ModelAndView show(Model model) {
        return page(FrontForm.of(front.picks()), (String) model.getAttribute("notice"), null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView save(@RequestParam Map<String, String> params, RedirectAttributes flash) {
        FrontForm form = FrontForm.from(params);
        try {
            service.save(form);
            flash.addFlashAttribute("notice", "Front page saved. The home page shows it now.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return page(form.withErrors(refused.fields()), null, refused.getMessage(), refused.status());
        }
    }

    private ModelAndView page(FrontForm form, String notice, String problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("front/front", status);
        List<FrontScreen.SectionChoices> perSection = new ArrayList<>();
        for (Section section : sections.all()) {
            perSection.add(new FrontScreen.SectionChoices(section,
                    choices(articles.inSection(section.id(), RECENT_IN_SECTION, 0), Set.of(form.pin(section.id())))));
        }
        Set<String> chosen = new java.util.HashSet<>();
        chosen.add(form.lead());
        form.rows().forEach(row -> chosen.add(row.story()));
        page.addObject("screen", new FrontScreen(form, choices(articles.latest(RECENT, 0), chosen), perSection,
                notice == null || notice.isEmpty() ? null : notice, problem));
        return page;
    }

    /** The recent stories, and any chosen story that is older, newest first: a choice always shows as chosen. */
    private List<FrontScreen.Choice> choices(List<Teaser> recent, Set<String> chosen) {
        Map<Long, Teaser> all = new LinkedHashMap<>();
        recent.forEach(t -> all.put(t.id(), t));
        List<Long> older = chosen.stream().filter(s -> s != null && s.matches("\\d{1,18}")).map(Long::parseLong)
                .filter(id -> !all.containsKey(id)).collect(Collectors.toList());
        articles.publishedTeasers(older).forEach(t -> all.put(t.id(), t));
        return all.values().stream()
                .map(t -> new FrontScreen.Choice(t.id(), t.headline() + " (" + t.section().name() + ")"))
                .toList();
    }
}
