package news.dateline.site;

import java.util.ArrayList;
import java.util.List;
import news.dateline.front.FrontRepository;
import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.Slugs;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.platform.change.UntilChanged;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class SectionController {

    private final SectionRepository sections;
    private final ArticleRepository articles;
    private final StoryCards cards;
    private final SiteProperties site;
    private final FrontRepository front;

    private final UntilChanged untilChanged;

    SectionController(SectionRepository sections, ArticleRepository articles, StoryCards cards, SiteProperties site,
            FrontRepository front, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.front = front;
        this.sections = sections;
        this.articles = articles;
        this.cards = cards;
        this.site = site;
    }

    @CachedPage(paginated = true)
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}/")
    ModelAndView section(@PathVariable String section, @RequestParam(defaultValue = "1") String page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Section found = sections.findBySlug(section).orElse(null);
        if (found == null) {
            // A renamed section's old address sends readers to the new one.
            return sections.renamedFrom(section).map(current -> new ModelAndView(PermanentRedirect.to("/" + current + "/")))
                    .orElseThrow(() -> Refusal.notFound("Section " + section));
        }
        CacheTags.add(response, CacheTags.section(found.slug()), CacheTags.FRONT);
        // Stories and the editors' pin: read once per change; a page past the last is refused each time, not kept.
        model.addAttribute("listing", untilChanged.get(new SectionListing(found, page), () -> listing(found, page)));
        return new ModelAndView("site/listing");
    }

    private record SectionListing(Section section, String page) {
    }

    private ListingPage listing(Section found, String page) {
        Pagination pagination = Pagination.of(page, articles.countInSection(found.id()), site.pageSize(),
                found.path());
        var stories = articles.inSection(found.id(), site.pageSize(), pagination.offset(site.pageSize()));
        return new ListingPage("section", found.name(), found.description(), found.path(),
                cards.of(pagination.offset(site.pageSize()) == 0 ? pinnedFirst(found, stories) : stories),
                pagination);
    }

    /** The story an editor pinned to the section leads its first page (once: the list leaves it out). */
    private List<Teaser> pinnedFirst(Section section, List<Teaser> stories) {
        Long pin = front.picks().pins().get(section.id());
        if (pin == null) {
            return stories;
        }
        List<Teaser> pinned = articles.publishedTeasers(List.of(pin)).stream()
                .filter(t -> t.section().id() == section.id()).toList();
        if (pinned.isEmpty()) {
            return stories;
        }
        List<Teaser> first = new ArrayList<>(pinned);
        stories.stream().filter(t -> t.id() != pin).forEach(first::add);
        return first;
    }

    /** A section's address ends with a slash; without it, readers are sent there. */
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}")
    RedirectView withoutSlash(@PathVariable String section) {
        Section found = sections.findBySlug(section)
                .orElseThrow(() -> Refusal.notFound("Section " + section));
        return PermanentRedirect.to(found.path());
    }
}
