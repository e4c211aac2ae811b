package news.dateline.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The page cache's figures for a scraper (docs/operations.md): {@code dateline_page_cache_requests_total{result}}
 * (a {@code hit} served from memory, a {@code miss} rendered by a {@link CachedPage} handler; other routes are
 * neither), {@code dateline_page_cache_evictions_total} (pages pushed out by the size bound, not those dropped by a
 * change), {@code dateline_page_cache_bytes} and {@code _pages}, and {@code dateline_page_render_seconds{page}}: how
 * long a miss took to render, by the kind of page (its controller: article, home, section, tag, author, feed,
 * sitemap).
 */
@Component
class PageCacheMeters {

    private final MeterRegistry registry;
    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;
    private final Map<HitKey, Timer> httpTimers = new ConcurrentHashMap<>();

    PageCacheMeters(MeterRegistry registry) {
        this.registry = registry;
        this.hits = requests("hit");
        this.misses = requests("miss");
        this.evictions = Counter.builder("dateline.page.cache.evictions")
                .description("Cached pages pushed out by the size bound").register(registry);
    }

    private Counter requests(String result) {
        return Counter.builder("dateline.page.cache.requests").tag("result", result)
                .description("Anonymous requests for cacheable pages, served from the cache (hit) or rendered (miss)")
                .register(registry);
    }

    void watch(PageCache cache) {
        Gauge.builder("dateline.page.cache.bytes", cache, PageCache::weight).baseUnit("bytes")
                .description("Bytes held by the page cache (plain and gzip bodies)").register(registry);
        Gauge.builder("dateline.page.cache.pages", cache, PageCache::size)
                .description("Pages held by the page cache").register(registry);
    }

    void hit() {
        hits.increment();
    }

    void miss(String pageType, long renderNanos) {
        misses.increment();
        Timer.builder("dateline.page.render").tag("page", pageType)
                .description("Time to render a cacheable page on a miss, by kind of page")
                .register(registry).record(renderNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A hit answered ahead of the request observation ({@link CacheHitFilter}) is still an HTTP request of its route:
     * timed into the same {@code http.server.requests} timer, with the same tags, as the observation would have.
     */
    void hitServed(String route, String method, int status, long nanos) {
        httpTimers.computeIfAbsent(new HitKey(route, method, status), this::httpTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer httpTimer(HitKey key) {
        return Timer.builder("http.server.requests")
                .tag("error", "none")
                .tag("exception", "none")
                .tag("method", key.method())
                .tag("outcome", key.status() < 300 ? "SUCCESS" : "REDIRECTION")
                .tag("status", Integer.toString(key.status()))
                .tag("uri", key.route() == null ? "UNKNOWN" : key.route())
                .register(registry);
    }

    private record HitKey(String route, String method, int status) {
    }

    void evicted() {
        evictions.increment();
    }

    /** {@code ArticleController} → {@code article}: few and fixed values, as a tag must be. */
    static String pageType(Class<?> controller) {
        String name = controller.getSimpleName().replaceFirst("Controller$", "");
        return name.isEmpty() ? "other" : name.toLowerCase(Locale.ROOT);
    }
}
