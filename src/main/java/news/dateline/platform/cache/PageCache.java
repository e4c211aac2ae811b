package news.dateline.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Rendered pages for anonymous readers, kept per node. Each page records what it depends on: an article page
 * its article ({@code article:42}), every listing (home, section, tag, author, feeds) {@link #LISTING}.
 * A comment drops only its article's pages; an article change drops everything (see {@link #articleChanged}).
 *
 * <p>Which pages may be kept at all is declared on their handlers ({@link CachedPage}); the two static methods
 * here are what such a handler may add while it runs.
 */
@Component
public class PageCache {

    private static final String DEPENDS_ON = PageCache.class.getName() + ".dependsOn";
    private static final String REFUSED = PageCache.class.getName() + ".refused";
    static final String LISTING = "listing";

    private final Cache<String, StoredPage> pages;
    /** Bumped on every invalidation: a render that started before a change must not be stored after it. */
    private final AtomicLong generation = new AtomicLong();
    /** Counts stories withdrawn on this node (a kill, an unpublish): a render that raced one is never shared. */
    private final AtomicLong withdrawals = new AtomicLong();

    /**
     * However quiet the site, a page is rendered again after this: the comment form on it carries a signed stamp
     * that is good for 24 hours (comment's FormStamp), and a page kept for days would hand out spent ones.
     */
    static final Duration LONGEST_STAY = Duration.ofHours(1);

    PageCache(CacheProperties properties, PageCacheMeters meters) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .expireAfterWrite(LONGEST_STAY)
                .weigher((String key, StoredPage page) -> page.weight())
                .evictionListener((String key, StoredPage page, RemovalCause cause) -> meters.evicted())
                .build();
        meters.watch(this);
    }

    public static String article(long articleId) {
        return "article:" + articleId;
    }

    /**
     * This answer of a {@link CachedPage} handler must not be kept: it is sent as rendered, with
     * {@code Cache-Control: no-cache}, and the next reader gets a fresh render too.
     */
    public static void refuse(HttpServletRequest request) {
        request.setAttribute(REFUSED, Boolean.TRUE);
    }

    /** This is the article's own page: a comment or live entry on it drops this page alone, no listing. */
    public static void dependsOnArticle(HttpServletRequest request, long articleId) {
        request.setAttribute(DEPENDS_ON, article(articleId));
    }

    static boolean refused(HttpServletRequest request) {
        return request.getAttribute(REFUSED) != null;
    }

    static String dependsOn(HttpServletRequest request) {
        return request.getAttribute(DEPENDS_ON) instanceof String key ? key : LISTING;
    }

    long generation() {
        return generation.get();
    }

    long withdrawals() {
        return withdrawals.get();
    }

    /** A story left publication; called before the pages are dropped ({@link PageCacheInvalidation}). */
    void storyWithdrawn() {
        withdrawals.incrementAndGet();
    }

    StoredPage get(String key) {
        return pages.getIfPresent(key);
    }

    void put(String key, StoredPage page, long renderedInGeneration) {
        pages.put(key, page);
        // Re-check after the put: if a change landed while rendering, the page may be stale; drop it.
        if (generation.get() != renderedInGeneration) {
            pages.invalidate(key);
        }
    }

    /**
     * An article was published, changed or withdrawn. Every cached page can show it: listings directly, and every
     * article page through its Recent Articles and Related News. So all go; publishing is rare next to reading,
     * and each page is rendered again once, on its next request.
     */
    public void articleChanged(long articleId) {
        clear();
    }

    /** Only what is on the article's own page changed (its comments): nothing else goes. */
    public void articlePageChanged(long articleId) {
        generation.incrementAndGet();
        String own = article(articleId);
        pages.asMap().values().removeIf(page -> page.dependsOn().equals(own));
    }

    /**
     * A live entry: the story's own page shows it, and feeds and sitemaps show the story's update time (pages
     * tagged {@link CacheTags#FEEDS}). Other stories' pages stay, so a breaking story updated every few seconds
     * does not empty the cache each time.
     */
    public void liveEntryChanged(long articleId) {
        generation.incrementAndGet();
        String own = article(articleId);
        pages.asMap().values().removeIf(page -> page.dependsOn().equals(own) || page.taggedWith(CacheTags.FEEDS));
    }

    /** Drops every page that names this key among its {@link CacheTags} (the front page's choices: home, sections). */
    public void dropTagged(String key) {
        generation.incrementAndGet();
        pages.asMap().values().removeIf(page -> page.taggedWith(key));
    }

    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        pages.cleanUp(); // evictions for weight are otherwise applied a moment later
        return pages.estimatedSize();
    }

    long weight() {
        return pages.policy().eviction().map(bound -> bound.weightedSize().orElse(0)).orElse(0L);
    }
}
