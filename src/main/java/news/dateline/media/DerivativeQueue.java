package news.dateline.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.media.DerivativeMaker.Made;
import news.dateline.media.MediaStore.Area;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteChanged;
import news.dateline.platform.change.StoryChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each item's derivatives in the background, on a pool of {@code dateline.media.workers} low-priority
 * platform threads (1 by default: a 24-megapixel photo keeps one core busy for a few seconds, and readers keep the
 * other). Uploads never wait for it, and pages never wait either: they show the sizes that are ready. A try that
 * fails is tried again after {@code retry-after}; after {@code attempts} tries the item is shown as failed in the
 * library, with the reason. Items still pending when the site stopped are taken up at start.
 */
@Component
class DerivativeQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DerivativeQueue.class);

    private final MediaRepository repository;
    private final MediaStore store;
    private final MediaProperties properties;
    private final ChangeLog changes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Leftovers leftovers;
    private final ObjectProvider<MediaRepository.SiteUses> siteUses;
    private final ScheduledThreadPoolExecutor pool;

    DerivativeQueue(MediaRepository repository, MediaStore store, MediaProperties properties, ChangeLog changes,
            TransactionTemplate transactions, Clock clock, Leftovers leftovers,
            ObjectProvider<MediaRepository.SiteUses> siteUses) {
        this.leftovers = leftovers;
        this.siteUses = siteUses;
        this.repository = repository;
        this.store = store;
        this.properties = properties;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(properties.workers(), work -> {
            Thread thread = new Thread(() -> {
                Niceness.lowerThisThread();
                work.run();
            }, "media-derivatives-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY); // what the JVM offers; on Linux it is ignored, hence Niceness
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeUpPending() {
        repository.pending().forEach(this::submit);
    }

    void submit(long mediaId) {
        pool.execute(() -> make(mediaId));
    }

    /** How many items wait or are being made (the library and the benchmark read it). */
    int backlog() {
        return pool.getQueue().size() + pool.getActiveCount();
    }

    private void make(long mediaId) {
        MediaItem item = repository.find(mediaId).orElse(null);
        if (item == null || !MediaItem.PENDING.equals(item.state())) {
            return;
        }
        try {
            Resource original = store.find(Area.ORIGINALS, item.originalName())
                    .orElseThrow(() -> new IOException("the original file is missing from the store"));
            byte[] bytes;
            try (InputStream in = original.getInputStream()) {
                bytes = in.readAllBytes();
            }
            List<Derivative> stored = new ArrayList<>();
            for (Made made : DerivativeMaker.make(bytes, item.type(), item.focalX(), item.focalY())) {
                String sha256 = MediaLibrary.sha256(made.bytes());
                Derivative derivative = new Derivative(made.crop(), made.format(), made.width(), made.height(),
                        sha256, made.bytes().length);
                store.put(Area.PUBLIC, derivative.name(), made.bytes());
                stored.add(derivative);
            }
            boolean current = Boolean.TRUE.equals(transactions.execute(status -> {
                List<Derivative> before = repository.derivatives(mediaId);
                if (!repository.ready(mediaId, item.sha256(), item.focalX(), item.focalY(), stored, clock.instant())) {
                    return false;
                }
                // Pages that show the picture were drawn with the sizes then ready (or none, or those of the file
                // it replaced): draw them again. The site's logo and icon are on every page.
                for (long article : repository.articlesUsing(mediaId)) {
                    changes.record(new StoryChanged(article, StoryChanged.Kind.SAVED));
                }
                if (siteUses.orderedStream().anyMatch(site -> !site.of(mediaId).isEmpty())) {
                    changes.record(new SiteChanged(SiteChanged.Kind.SETTINGS));
                }
                // Once the pages name the new sizes, the old ones (of a replaced file, a moved focal point) go.
                leftovers.dropUnusedDerivatives(before);
                return true;
            }));
            if (!current) {
                // Replaced, moved or deleted while these were made: the newer try makes its own.
                leftovers.dropUnusedDerivatives(stored);
            }
        } catch (Exception | OutOfMemoryError failure) {
            MediaItem now = repository.find(mediaId).orElse(null);
            if (now == null || !now.sha256().equals(item.sha256())) {
                return; // its file was replaced meanwhile (the old original may be gone): the new one is queued
            }
            String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            boolean last = item.attempts() + 1 >= properties.attempts();
            log.warn("Derivatives of media {} failed (try {} of {}): {}", mediaId, item.attempts() + 1,
                    properties.attempts(), why);
            try {
                repository.failed(mediaId, why.length() > 500 ? why.substring(0, 500) : why, last, clock.instant());
            } catch (RuntimeException unrecorded) {
                // The database refused this too (SQLite busy, the pool exhausted): still try again, or the item
                // would stay pending until the next start.
                log.warn("The failure of media {} could not be recorded: {}", mediaId, unrecorded.getMessage());
            }
            if (!last) {
                pool.schedule(() -> make(mediaId), properties.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
