package news.dateline.site;

import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.story.ArticleRepository;
import news.dateline.taxonomy.Tag;
import news.dateline.taxonomy.TagRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class TagController {

    private final TagRepository tags;
    private final ArticleRepository articles;
    private final StoryCards cards;
    private final SiteProperties site;

    TagController(TagRepository tags, ArticleRepository articles, StoryCards cards, SiteProperties site) {
        this.tags = tags;
        this.articles = articles;
        this.cards = cards;
        this.site = site;
    }

    @CachedPage(paginated = true)
    @GetMapping("/tag/{tag}")
    String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") String page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Tag found = tags.findBySlug(tag).orElseThrow(() -> Refusal.notFound("Tag " + tag));
        CacheTags.add(response, CacheTags.tag(found.slug()));
        int total = articles.countTaggedWith(found.id());
        if (total == 0) {
            throw Refusal.notFound("Tag " + tag + " has no published stories");
        }
        Pagination pagination = Pagination.of(page, total, site.pageSize(), found.path());
        model.addAttribute("listing", new ListingPage("tag", found.name(), "Stories tagged " + found.name() + ".",
                found.path(),
                cards.of(articles.taggedWith(found.id(), site.pageSize(), pagination.offset(site.pageSize()))),
                pagination));
        return "site/listing";
    }
}
