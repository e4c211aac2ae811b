package news.dateline.site;

import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.story.ArticleRepository;
import news.dateline.taxonomy.AuthorProfile;
import news.dateline.taxonomy.AuthorRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuthorController {

    private final AuthorRepository authors;
    private final ArticleRepository articles;
    private final StoryCards cards;
    private final SiteProperties site;

    AuthorController(AuthorRepository authors, ArticleRepository articles, StoryCards cards, SiteProperties site) {
        this.authors = authors;
        this.articles = articles;
        this.cards = cards;
        this.site = site;
    }

    @CachedPage(paginated = true)
    @GetMapping("/author/{slug}")
    String author(@PathVariable String slug, @RequestParam(defaultValue = "1") String page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        AuthorProfile found = authors.profileBySlug(slug).orElseThrow(() -> Refusal.notFound("Author " + slug));
        CacheTags.add(response, CacheTags.author(found.slug()));
        Pagination pagination = Pagination.of(page, articles.countByAuthor(found.id()), site.pageSize(),
                found.path());
        model.addAttribute("listing", new ListingPage("author", found.name(), found.bio(), found.path(),
                cards.of(articles.byAuthor(found.id(), site.pageSize(), pagination.offset(site.pageSize()))),
                pagination));
        // Read by the listing (photo, job title, links) and by feed's head metadata (ProfilePage, Person).
        model.addAttribute("profile", found);
        return "site/listing";
    }
}
