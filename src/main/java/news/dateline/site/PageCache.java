package news.dateline.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Rendered pages for anonymous readers, kept per node. Each page records what it depends on: an article page
 * its article ({@code article:42}), every listing (home, section, tag, author, feeds) {@link #LISTING}.
 * A comment drops only its article's pages; an article change drops everything (see {@link #articleChanged}).
 */
@Component
public class PageCache {

    public static final String DEPENDS_ON = PageCache.class.getName() + ".dependsOn";
    static final String LISTING = "listing";

    private final Cache<String, CachedPage> pages;
    /** Bumped on every invalidation: a render that started before a change must not be stored after it. */
    private final AtomicLong generation = new AtomicLong();

    PageCache(CacheProperties properties) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String key, CachedPage page) -> page.weight())
                .build();
    }

    public static String article(long articleId) {
        return "article:" + articleId;
    }

    long generation() {
        return generation.get();
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    void put(String key, CachedPage page, long renderedInGeneration) {
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

    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }
}
