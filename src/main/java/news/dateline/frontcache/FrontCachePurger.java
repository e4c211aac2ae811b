package news.dateline.frontcache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.CommentsChanged;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.SiteChanged;
import news.dateline.platform.change.SiteContentChanged;
import news.dateline.platform.change.StoriesImported;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the front caches what a committed change made stale, by key ({@link CacheTags}): {@code PURGE /} with an
 * {@code xkey-softpurge} header naming the keys (the front serves the old page for at most a second while one
 * fetch refreshes it), {@code xkey-purge} for a story withdrawn or killed (never served again, not even stale), or
 * {@code BAN /} when every page may show the change (a section or tag renamed, an import). Every node that applies a change sends it, the writer at commit and each other node
 * when its change follower replays the row, each after dropping the pages from its own page cache: whichever node
 * the front asks next then renders the new state (docs/scaling.md, "Front caches"). Sent from a thread of its
 * own with a short timeout, so neither the writer nor the follower waits for a front cache.
 */
@Component
class FrontCachePurger {

    private static final Logger log = LoggerFactory.getLogger(FrontCachePurger.class);

    /**
     * What to send: the keys to purge, or an empty list for "everything". {@code hard}: the pages must not be served
     * again even while they are refetched (a kill's 410 replaces the story at once); otherwise a soft purge.
     */
    record Purge(List<String> keys, boolean hard) {

        static final Purge EVERYTHING = new Purge(List.of(), true);

        static Purge soft(List<String> keys) {
            return new Purge(keys, false);
        }

        /** This purge without {@code sent}, or null when nothing is left (an empty list would mean everything). */
        Purge without(List<String> sent) {
            if (keys.isEmpty()) {
                return this;
            }
            List<String> left = keys.stream().filter(key -> !sent.contains(key)).toList();
            return left.isEmpty() ? null : new Purge(left, hard);
        }
    }

    private final FrontCacheProperties properties;
    private final PurgeKeys keys;
    private final HttpClient http;
    private final ExecutorService now = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("front-cache-purge").daemon().factory());
    private final Counter sent;
    private final Counter failed;
    private final AtomicBoolean failing = new AtomicBoolean();

    FrontCachePurger(FrontCacheProperties properties, PurgeKeys keys, MeterRegistry meters) {
        this.properties = properties;
        this.keys = keys;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.sent = Counter.builder("dateline.front.purges").tag("outcome", "answered")
                .description("Purges sent to front caches, by outcome").register(meters);
        this.failed = Counter.builder("dateline.front.purges").tag("outcome", "failed")
                .description("Purges sent to front caches, by outcome").register(meters);
        if (!properties.caches().isEmpty()) {
            log.info("Purging front caches {} after every change this node applies", properties.caches());
        }
    }

    /**
     * Right after this node's page cache has dropped the same pages ({@code PageCacheInvalidation}, order 0), and
     * before the other listeners (the search index's commit among them), so the front hears of a change first.
     * A story's own page, {@code home} and {@code feeds} are purged at once from this thread, since naming them
     * needs no database; its listings (sections, tags, authors) follow once read. The repeats name all of them.
     */
    @Order(1)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (properties.caches().isEmpty()) {
            return;
        }
        Purge first = change instanceof StoryChanged story ? storyPagesFirst(story) : null;
        if (first != null) {
            send(first);
        }
        now.submit(() -> {
            Purge purge = purgeFor(change);
            Purge rest = first == null ? purge : purge.without(first.keys());
            if (rest != null) {
                send(rest);
            }
            for (java.time.Duration repeat : properties.repeatAfter()) {
                later.schedule(() -> send(purge), repeat.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The keys of a story's change known without reading anything: its own page, home and the feeds. */
    private static Purge storyPagesFirst(StoryChanged story) {
        return new Purge(PurgeKeys.withoutDatabase(story.articleId()), withdrawn(story));
    }

    private static boolean withdrawn(StoryChanged story) {
        return story.kind() == StoryChanged.Kind.UNPUBLISHED || story.kind() == StoryChanged.Kind.OTHER;
    }

    private Purge purgeFor(Change change) {
        return switch (change) {
            // A story withdrawn (a kill, unpublished) must not be served stale for a moment: its 410 or 404 replaces
            // it at once. A kind this version does not know is treated the same.
            case StoryChanged story -> new Purge(keys.forStory(story.articleId()), withdrawn(story));
            // A comment shows only on its story's page (and the live state shares its key: harmless).
            case CommentsChanged comments -> Purge.soft(List.of(CacheTags.article(comments.articleId())));
            // The story's page and the feeds that show its update time; listings show neither entries nor that time.
            case LiveEntryChanged entry -> Purge.soft(List.of(CacheTags.article(entry.articleId()), CacheTags.FEEDS));
            // Every page's navigation names the sections; an import may touch every listing.
            case TaxonomyChanged taxonomy -> Purge.EVERYTHING;
            case StoriesImported imported -> Purge.EVERYTHING;
            // The front page's choices show on home and the section pages; a banner or the settings on every page.
            case SiteChanged site -> site.kind() == SiteChanged.Kind.FRONT
                    ? Purge.soft(List.of(CacheTags.FRONT)) : Purge.EVERYTHING;
            // A page or a menu: the menus are on every page.
            case SiteContentChanged content -> Purge.EVERYTHING;
        };
    }

    private void send(Purge purge) {
        for (URI cache : properties.caches()) {
            log.debug("Purging {} at {}", purge.keys().isEmpty() ? "everything" : purge.keys(), cache);
            HttpRequest.Builder request = HttpRequest.newBuilder(cache.resolve("/")).timeout(properties.timeout());
            if (purge.keys().isEmpty()) {
                request.method("BAN", HttpRequest.BodyPublishers.noBody());
            } else {
                request.method("PURGE", HttpRequest.BodyPublishers.noBody())
                        .header(purge.hard() ? "xkey-purge" : "xkey-softpurge", String.join(" ", purge.keys()));
            }
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    log.debug("{} took the purge ({} pages)", cache, response.headers().firstValue("X-Purged").orElse("?"));
                    sent.increment();
                    if (failing.compareAndSet(true, false)) {
                        log.info("Front cache {} takes purges again", cache);
                    }
                    return;
                }
                failed.increment();
                // Once until it answers again: a front cache that is down must not flood the log.
                if (failing.compareAndSet(false, true)) {
                    log.warn("Front cache {} did not take a purge ({}); its pages expire after their s-maxage", cache,
                            error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode());
                }
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        later.shutdownNow();
        now.shutdown();
    }
}
