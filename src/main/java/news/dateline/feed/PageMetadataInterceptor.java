package news.dateline.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import news.dateline.live.LiveBlog;
import news.dateline.platform.change.UntilChanged;
import news.dateline.site.ArticlePage;
import news.dateline.site.HomePage;
import news.dateline.site.ListingPage;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds {@link PageMeta} as {@code meta} to the model of the article, home, section, tag and author pages,
 * recognised by the page record each puts in its model. The reader controllers stay unaware of how the
 * site presents itself to search engines and feed readers; the layout renders {@code meta} when present.
 */
@Configuration(proxyBeanMethods = false)
class PageMetadataInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final PageMetadata metadata;
    private final UntilChanged untilChanged;

    PageMetadataInterceptor(PageMetadata metadata, UntilChanged untilChanged) {
        this.metadata = metadata;
        this.untilChanged = untilChanged;
    }

    /** An article page's metadata follows from what the page shows (and the settings, which are a change). */
    private record ArticleMeta(ArticlePage article, List<news.dateline.site.CorrectionNote> corrections,
            LiveBlog live) {
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView() || page.getModel().containsKey("meta")) {
            return;
        }
        Map<String, Object> model = page.getModel();
        if (model.get("article") instanceof ArticlePage article) {
            List<news.dateline.site.CorrectionNote> corrections = model.get("corrections") instanceof List<?> notes
                    ? notes.stream().map(news.dateline.site.CorrectionNote.class::cast).toList() : List.of();
            LiveBlog live = model.get("live") instanceof LiveBlog blog ? blog : null;
            // The JSON-LD is serialised once per version of the page, not on every render.
            page.addObject("meta", untilChanged.get(new ArticleMeta(article, corrections, live),
                    () -> metadata.article(article, corrections, live)));
        } else if (model.get("listing") instanceof ListingPage listing
                && model.get("profile") instanceof news.dateline.taxonomy.AuthorProfile profile) {
            page.addObject("meta", metadata.profile(listing, profile));
        } else if (model.get("listing") instanceof ListingPage listing) {
            page.addObject("meta", metadata.listing(listing));
        } else if (model.get("home") instanceof HomePage home) {
            page.addObject("meta", metadata.home(home));
        }
    }
}
