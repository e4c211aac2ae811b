package news.dateline.site;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import news.dateline.story.ArticleRepository;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.MarkdownRenderer;
import news.dateline.story.PreviewLinks;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An unpublished story through a signed link ({@link PreviewLinks}), rendered by the article page's own template
 * under a "Preview" banner. Never cached (not a {@code @CachedPage}, and sent {@code private, no-store} so that no
 * browser or CDN keeps it either), never indexed, no comments.
 */
@Controller
class PreviewController {

    private final PreviewLinks links;
    private final EditorialRepository editorial;
    private final SectionRepository sections;
    private final ArticleRepository articles;
    private final MarkdownRenderer markdown;
    private final StoryCards cards;
    private final Moments moments;
    private final CorrectionNotes corrections;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<news.dateline.story.photo.LeadPhotos> photos;

    PreviewController(PreviewLinks links, EditorialRepository editorial, SectionRepository sections,
            ArticleRepository articles, MarkdownRenderer markdown, StoryCards cards, Moments moments,
            CorrectionNotes corrections, Clock clock,
            org.springframework.beans.factory.ObjectProvider<news.dateline.story.photo.LeadPhotos> photos) {
        this.photos = photos;
        this.links = links;
        this.editorial = editorial;
        this.sections = sections;
        this.articles = articles;
        this.markdown = markdown;
        this.cards = cards;
        this.moments = moments;
        this.corrections = corrections;
        this.clock = clock;
    }

    @GetMapping("/preview/{token}")
    String preview(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        long id = links.articleOf(token).orElseThrow(() -> Refusal.notFound("Preview link " + token));
        EditableArticle a = editorial.find(id).orElseThrow(() -> Refusal.notFound("Article " + id));
        var d = a.draft();
        var section = sections.findBySlug(a.sectionSlug()).orElseThrow();
        var published = a.publishedAt() != null ? a.publishedAt() : clock.instant();
        boolean updated = a.updatedAt() != null && a.publishedAt() != null && a.updatedAt().isAfter(a.publishedAt());
        model.addAttribute("article", new ArticlePage(a.id(), a.path(), d.headline(), d.standfirst(), section,
                editorial.bylines(id), editorial.tags(id), d.datelinePlace(), d.sourceCredit(),
                moments.of(published), updated ? moments.of(a.updatedAt()) : null,
                markdown.toHtml(d.body(), d.datelinePlace()),
                cards.of(articles.latestExcept(id, 5)), List.of(), ArticleController.leadPhotoOf(photos, id)));
        model.addAttribute("comments", null);
        model.addAttribute("corrections", corrections.of(id));
        model.addAttribute("preview", true);
        // No canonical link, Open Graph or JSON-LD: an unpublished story has no public address to point at.
        model.addAttribute("meta", null);
        return "site/article";
    }
}
