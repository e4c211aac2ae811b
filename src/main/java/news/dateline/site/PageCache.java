package news.dateline.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Rendered pages for anonymous readers, kept per node. Each page records what it depends on: an article page
 * its article ({@code article:42}), every listing (home, section, tag, author, feeds) {@link #LISTING}.
 * A change drops exactly the pages that show it.
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

    /** An article was published, changed or withdrawn: its own page and every listing go. */
    public void articleChanged(long articleId) {
        generation.incrementAndGet();
        String own = article(articleId);
        pages.asMap().values().removeIf(page -> page.dependsOn().equals(own) || page.dependsOn().equals(LISTING));
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
