package news.dateline.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.dateline.comment.CommentSections;
import news.dateline.live.LiveBlog;
import news.dateline.live.LiveBlogs;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.platform.cache.PageCache;
import news.dateline.platform.change.UntilChanged;
import news.dateline.search.RelatedNews;
import news.dateline.story.Article;
import news.dateline.story.ArticleRepository;
import news.dateline.story.MarkdownRenderer;
import news.dateline.story.photo.LeadPhotos;
import org.springframework.beans.factory.ObjectProvider;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

@Controller
class ArticleController {

    private static final int RECENT = 5;
    private static final int RELATED = 5;

    private final ArticleRepository articles;
    private final MarkdownRenderer markdown;
    private final StoryCards cards;
    private final Moments moments;
    private final CommentSections comments;
    private final RelatedNews related;
    private final CorrectionNotes corrections;
    private final LiveBlogs live;
    private final SectionRepository sections;
    private final ObjectProvider<LeadPhotos> photos;
    private final java.util.List<news.dateline.story.withdrawal.WithdrawnStories> withdrawals;
    private final UntilChanged untilChanged;

    ArticleController(ArticleRepository articles, MarkdownRenderer markdown, StoryCards cards, Moments moments,
            CommentSections comments, RelatedNews related, CorrectionNotes corrections, LiveBlogs live,
            SectionRepository sections, ObjectProvider<LeadPhotos> photos,
            java.util.List<news.dateline.story.withdrawal.WithdrawnStories> withdrawals, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.photos = photos;
        this.withdrawals = withdrawals;
        this.corrections = corrections;
        this.articles = articles;
        this.markdown = markdown;
        this.cards = cards;
        this.moments = moments;
        this.comments = comments;
        this.related = related;
        this.live = live;
        this.sections = sections;
    }

    /** A kill is for good: a front cache may share the 410 as long as it likes, until the story's key is purged. */
    static final String GONE_CACHE_CONTROL = "public, max-age=300, s-maxage=86400";

    @CachedPage
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}/{slug:" + Slugs.IN_ROUTE + "}")
    ModelAndView article(@PathVariable String section, @PathVariable String slug, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // The story, its corrections and lead photo change only by a recorded change: read once per change.
        Article article = untilChanged.get(new Published(section, slug), () -> articles.findPublished(section, slug))
                .orElse(null);
        if (article == null) {
            java.util.Optional<String> withdrawn = withdrawals.stream()
                    .flatMap(w -> w.noticeAt(section, slug).stream()).findFirst();
            if (withdrawn.isPresent()) {
                // A kill: 410 Gone with the notice, nothing of the story. Not kept here (only a 200 is), but a front
                // cache may hold it for anonymous readers, tagged with the story's key so a purge by it drops it.
                model.addAttribute("notice", withdrawn.get());
                withdrawals.stream().flatMap(w -> w.articleAt(section, slug).stream()).findFirst()
                        .ifPresent(id -> CacheTags.add(response, CacheTags.article(id)));
                if (response.getHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL) == null) {
                    response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, GONE_CACHE_CONTROL);
                }
                return new ModelAndView("site/withdrawn", model.asMap(), org.springframework.http.HttpStatus.GONE);
            }
            String moved = articles.findMovedPath(section, slug)
                    .or(() -> sections.renamedFrom(section).map(current -> "/" + current + "/" + slug))
                    .orElseThrow(() -> Refusal.notFound("Article /" + section + "/" + slug));
            return new ModelAndView(PermanentRedirect.to(moved));
        }
        PageCache.dependsOnArticle(request, article.id());
        // Recent Articles and Related News are not tagged: they may be up to max-age old (docs/scaling.md).
        java.util.List<String> tags = new java.util.ArrayList<>(java.util.List.of(CacheTags.article(article.id()),
                CacheTags.section(article.section().slug())));
        article.tags().forEach(tag -> tags.add(CacheTags.tag(tag.slug())));
        article.authors().forEach(author -> tags.add(CacheTags.author(author.slug())));
        CacheTags.add(response, tags);
        model.addAttribute("article", page(article));
        model.addAttribute("comments", comments.forArticle(article.id(), request, response));
        model.addAttribute("corrections", untilChanged.get(new Corrections(article.id()),
                () -> corrections.of(article.id())));
        // Live coverage starts, gains entries and ends only by a recorded change: read once per change.
        Live shown = untilChanged.get(new LiveOf(article.id()), () -> {
            LiveBlog blog = live.forArticle(article.id());
            return new Live(blog, live.probe(blog, article.id()));
        });
        model.addAttribute("live", shown.blog());
        model.addAttribute("liveProbe", shown.probe());
        return new ModelAndView("site/article", model.asMap());
    }

    /** The story's lead photo, or {@code null} (none, no size ready yet, or no photo library). */
    static news.dateline.story.photo.LeadPhoto leadPhotoOf(ObjectProvider<LeadPhotos> photos, long articleId) {
        LeadPhotos library = photos.getIfAvailable();
        return library == null ? null : library.of(articleId).orElse(null);
    }

    private record Published(String section, String slug) {
    }

    private record Corrections(long articleId) {
    }

    private record LeadPhotoOf(long articleId) {
    }

    private record LiveOf(long articleId) {
    }

    private record Live(LiveBlog blog, news.dateline.live.LiveProbe probe) {
    }

    /** Related News' cards (their lead photos one query, their times formatted) for the same ranked stories. */
    private record RelatedCards(java.util.List<Long> ids) {
    }

    private record NewestCards(int count) {
    }

    private record Card(long id, StoryCard card) {
    }

    /**
     * Recent Articles: the newest stories but this one. The same few cards on every article page, so they are read
     * once per change (one more than shown, to leave this one out) instead of twice a render.
     */
    private java.util.List<StoryCard> recentExcept(long articleId) {
        java.util.List<Card> newest = untilChanged.get(new NewestCards(RECENT + 1),
                () -> articles.latest(RECENT + 1, 0).stream().map(t -> new Card(t.id(), cards.of(t))).toList());
        return newest.stream().filter(card -> card.id() != articleId).limit(RECENT).map(Card::card).toList();
    }

    private java.util.List<StoryCard> relatedCards(java.util.List<news.dateline.story.Teaser> teasers) {
        return untilChanged.get(new RelatedCards(teasers.stream().map(news.dateline.story.Teaser::id).toList()),
                () -> cards.of(teasers));
    }

    private ArticlePage page(Article a) {
        boolean updatedSincePublication = a.updatedAt() != null && a.updatedAt().isAfter(a.publishedAt());
        return new ArticlePage(a.id(), a.path(), a.headline(), a.standfirst(), a.section(), a.authors(), a.tags(),
                a.datelinePlace(), a.sourceCredit(), moments.of(a.publishedAt()),
                updatedSincePublication ? moments.of(a.updatedAt()) : null,
                markdown.toHtml(a.body(), a.datelinePlace()),
                recentExcept(a.id()),
                relatedCards(related.relatedTo(a, RELATED)),
                untilChanged.get(new LeadPhotoOf(a.id()),
                        () -> java.util.Optional.ofNullable(leadPhotoOf(photos, a.id()))).orElse(null));
    }
}
