package news.dateline.front;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import news.dateline.platform.cache.PageCache;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.SiteChanged;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The banner every reader page shows, kept in memory: read once, and again after a recorded banner change (this
 * node's, or another node's replayed by the change follower). When the banner's time is up, the page cache is
 * emptied on this node (checked every quarter second), so no cached page outlives it; the page's script hides it
 * at the same moment on copies a browser or a front cache still holds.
 */
@Component
public class Banners {

    private final BannerRepository banners;
    private final PageCache pages;
    private final Clock clock;
    /** The newest banner as last read (empty: none was ever set); null: read it on next use. */
    private final AtomicReference<Optional<Banner>> newest = new AtomicReference<>();
    /** The banner whose end already emptied the page cache here. */
    private final AtomicReference<Long> ended = new AtomicReference<>();

    Banners(BannerRepository banners, PageCache pages, Clock clock) {
        this.banners = banners;
        this.pages = pages;
        this.clock = clock;
    }

    /** The banner showing now, if any. Error pages render while the database is down: then none. */
    public Optional<Banner> current() {
        return newest().filter(banner -> banner.showingAt(clock.instant()));
    }

    private Optional<Banner> newest() {
        Optional<Banner> known = newest.get();
        if (known == null) {
            try {
                known = banners.newest();
            } catch (DataAccessException e) {
                return Optional.empty();
            }
            // A banner that had already ended when read (ended early, by a recorded change that emptied the
            // cache) is on no cached page: its end must not empty the cache a second time.
            known.filter(banner -> !banner.showingAt(clock.instant())).ifPresent(banner -> ended.set(banner.id()));
            newest.compareAndSet(null, known);
        }
        return known;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (change instanceof SiteChanged site && site.kind() == SiteChanged.Kind.BANNER) {
            newest.set(null);
            // Whichever listener runs first, no page rendered with the old banner is kept after this.
            pages.clear();
        }
    }

    /** A banner's end drops the cached pages that show it, once. */
    @Scheduled(fixedDelay = 250)
    void endOnTime() {
        Optional<Banner> known = newest.get();
        if (known == null || known.isEmpty()) {
            return;
        }
        Banner banner = known.get();
        if (!banner.showingAt(clock.instant()) && !Long.valueOf(banner.id()).equals(ended.getAndSet(banner.id()))) {
            pages.clear();
        }
    }
}
