package news.dateline.platform.cache;

import news.dateline.platform.change.Change;
import news.dateline.platform.change.CommentsChanged;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.SiteChanged;
import news.dateline.platform.change.SiteContentChanged;
import news.dateline.platform.change.StoriesImported;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps the page cache in step with committed changes on this node. */
@Component
class PageCacheInvalidation {

    private final PageCache cache;

    PageCacheInvalidation(PageCache cache) {
        this.cache = cache;
    }

    /** First among the listeners: the front cache purge (front.FrontCachePurger) must find this node fresh. */
    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        switch (change) {
            case StoryChanged story -> {
                if (story.kind() == StoryChanged.Kind.UNPUBLISHED || story.kind() == StoryChanged.Kind.OTHER) {
                    cache.storyWithdrawn();
                }
                cache.articleChanged(story.articleId());
            }
            case StoriesImported imported -> cache.clear();
            // Comments show only on their article's own page.
            case CommentsChanged comments -> cache.articlePageChanged(comments.articleId());
            // A live entry is the story's update time, which feeds and sitemaps show as well.
            case LiveEntryChanged entry -> cache.liveEntryChanged(entry.articleId());
            // Every page's navigation lists the sections, and tag names show on article pages and listings.
            case TaxonomyChanged taxonomy -> cache.clear();
            // The front page's choices show on home and section pages; the banner and settings on every page.
            case SiteChanged site -> {
                if (site.kind() == SiteChanged.Kind.FRONT) {
                    cache.dropTagged(CacheTags.FRONT);
                } else {
                    cache.clear();
                }
            }
            // A page is linked from the menus, and the menus are on every page.
            case SiteContentChanged content -> cache.clear();
        }
    }
}
