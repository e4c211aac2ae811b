package news.dateline.page;

import jakarta.servlet.http.HttpServletResponse;
import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.Slugs;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.story.MarkdownRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A page as readers see it, at {@code /pages/{path}} (up to {@link PageService#MAX_DEPTH} segments). "pages" is one
 * of the site's reserved first segments, so no section can take these addresses. A page's earlier address answers
 * 301 to the current one; a draft or unknown page is the site's 404.
 */
@Controller
class PageController {

    private static final String SLUG = "{%s:" + Slugs.IN_ROUTE + "}";

    private final PageRepository pages;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;

    PageController(PageRepository pages, MarkdownRenderer markdown, SiteProperties site) {
        this.pages = pages;
        this.markdown = markdown;
        this.site = site;
    }

    @CachedPage
    @GetMapping({"/pages/{a:" + Slugs.IN_ROUTE + "}", "/pages/{a:" + Slugs.IN_ROUTE + "}/{b:" + Slugs.IN_ROUTE + "}",
            "/pages/{a:" + Slugs.IN_ROUTE + "}/{b:" + Slugs.IN_ROUTE + "}/{c:" + Slugs.IN_ROUTE + "}"})
    ModelAndView page(@PathVariable String a, @PathVariable(required = false) String b,
            @PathVariable(required = false) String c, Model model, HttpServletResponse response) {
        String path = Slugs.fromUrl(a) + (b == null ? "" : "/" + Slugs.fromUrl(b)) + (c == null ? "" : "/" + Slugs.fromUrl(c));
        Page page = pages.byPath(path).filter(Page::published).orElse(null);
        if (page == null) {
            Page moved = pages.byOldPath(path).filter(Page::published)
                    .orElseThrow(() -> Refusal.notFound("Page " + path));
            RedirectView redirect = new RedirectView(moved.href());
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        CacheTags.add(response, "page-" + page.id());
        ModelAndView view = new ModelAndView("page/page");
        view.addObject("page", page);
        view.addObject("bodyHtml", markdown.toHtml(page.body()));
        view.addObject("canonical", site.baseUrl() + page.href());
        return view;
    }
}
