package news.dateline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import news.dateline.platform.DataProperties;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's search index under {@code <data dir>/index}, following the database. On start it is opened
 * and checked: missing, unreadable or never finished, it is rebuilt from the database on a background
 * thread while the site serves (searches meanwhile see what is indexed so far); otherwise the changes logged
 * since its last commit are applied again. After that every committed article change is applied by
 * {@link #apply(long)}, which re-reads the article, so the index converges on the database whatever order
 * the changes come in.
 *
 * <p>Writes hold one lock from the database read to the index write. Without it a rebuild could read an
 * article, an unpublish could commit and be applied, and the rebuild would then write the stale copy back.
 */
@Component
public class SearchIndex implements SmartLifecycle {

    public enum State { STARTING, READY, REBUILDING, UNAVAILABLE }

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** A change may commit this long after its change-log row was written; replays start that much earlier. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(5);
    private static final int BATCH = 500;

    private final Path dir;
    private final SearchRepository source;
    private final SearchProperties properties;
    private final Clock clock;
    private final ReentrantLock writes = new ReentrantLock();

    private volatile LuceneIndex index;
    private volatile State state = State.STARTING;
    private volatile long generation;
    private volatile boolean stopping;
    private Thread rebuilder;
    private volatile CompletableFuture<Void> rebuilt = CompletableFuture.completedFuture(null);

    SearchIndex(DataProperties data, SearchRepository source, SearchProperties properties, Clock clock) {
        this.dir = data.dir().resolve("index");
        this.source = source;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        stopping = false;
        generation = clock.millis();
        try {
            if (!LuceneIndex.exists(dir)) {
                log.info("No search index at {}: building it from the database in the background.", dir);
                index = LuceneIndex.recreate(dir);
                rebuildInBackground();
                return;
            }
            try {
                index = LuceneIndex.open(dir);
            } catch (LockObtainFailedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                log.warn("The search index at {} is unreadable ({}): rebuilding it from the database in the "
                        + "background.", dir, e.toString());
                index = LuceneIndex.recreate(dir);
                rebuildInBackground();
                return;
            }
            checkAndCatchUp();
        } catch (LockObtainFailedException e) {
            log.error("The search index at {} is in use by another process; search falls back to the database "
                    + "until restart.", dir);
            state = State.UNAVAILABLE;
        } catch (IOException | RuntimeException e) {
            log.error("Cannot open the search index at {}; search falls back to the database until restart.", dir, e);
            state = State.UNAVAILABLE;
        }
    }

    private void checkAndCatchUp() throws IOException {
        if (!properties.checkOnStart()) {
            state = State.READY;
            return;
        }
        long followedUntil = index.followedUntil();
        if (followedUntil == 0) {
            log.info("The search index at {} was never completely built: rebuilding it in the background.", dir);
            rebuildInBackground();
            return;
        }
        List<Long> changed = source.changedSince(Instant.ofEpochMilli(followedUntil));
        for (long articleId : changed) {
            write(articleId);
        }
        int indexed = index.size();
        int published = source.countPublished();
        if (indexed != published) {
            log.info("The search index holds {} articles, the database {} published: rebuilding it in the "
                    + "background.", indexed, published);
            rebuildInBackground();
            return;
        }
        state = State.READY;
        commit();
        log.info("Search index ready: {} articles, {} re-read from the change log.", indexed, changed.size());
    }

    private void rebuildInBackground() {
        state = State.REBUILDING;
        CompletableFuture<Void> done = new CompletableFuture<>();
        rebuilt = done;
        rebuilder = Thread.ofPlatform().name("search-rebuild").daemon().start(() -> {
            try {
                rebuild();
                done.complete(null);
            } catch (RuntimeException | IOException e) {
                log.error("Rebuilding the search index failed; run `reindex` or restart to try again.", e);
                state = State.READY; // what was indexed still serves; Related News and search stay on
                done.completeExceptionally(e);
            }
        });
    }

    /** Done when the background rebuild started last has ended (at once if there was none), for a test to wait on. */
    CompletableFuture<Void> backgroundRebuild() {
        return rebuilt;
    }

    /**
     * Indexes every published article and drops documents of articles that are no longer published. The
     * index keeps serving throughout. Returns how many articles were indexed.
     */
    public int rebuild() throws IOException {
        long started = clock.millis();
        long thisGeneration = Math.max(started, generation + 1);
        generation = thisGeneration;
        index.commit(0); // until this rebuild completes, a restart must not trust the index
        int count = 0;
        long afterId = 0;
        while (!stopping) {
            List<IndexedArticle> batch;
            writes.lock();
            try {
                batch = source.publishedAfter(afterId, BATCH);
                for (IndexedArticle article : batch) {
                    index.add(article, thisGeneration);
                }
                index.refresh();
            } finally {
                writes.unlock();
            }
            if (batch.isEmpty()) {
                break;
            }
            count += batch.size();
            afterId = batch.getLast().id();
        }
        if (stopping) {
            return count;
        }
        writes.lock();
        try {
            index.deleteOlderThan(thisGeneration);
            state = State.READY;
            index.commit(started - IN_FLIGHT.toMillis());
        } finally {
            writes.unlock();
        }
        log.info("Search index rebuilt: {} articles in {} ms.", count, clock.millis() - started);
        return count;
    }

    /** Brings one article's document in line with the database: written if published, removed if not. */
    void apply(long articleId) {
        if (index == null || state == State.UNAVAILABLE) {
            return;
        }
        try {
            write(articleId);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update the search index for article " + articleId, e);
        }
    }

    /**
     * Brings many articles in line at once (an import): past {@value #REBUILD_ABOVE} of them a rebuild reads the
     * database faster than one look-up each; below, one commit for all.
     */
    void applyAll(List<Long> articleIds) throws IOException {
        if (index == null || state == State.UNAVAILABLE) {
            return;
        }
        if (articleIds.size() > REBUILD_ABOVE) {
            rebuild();
            return;
        }
        for (long articleId : articleIds) {
            write(articleId);
        }
        commit();
    }

    static final int REBUILD_ABOVE = 200;

    private void write(long articleId) throws IOException {
        writes.lock();
        try {
            Optional<IndexedArticle> article = source.findPublished(articleId);
            if (article.isPresent()) {
                index.upsert(article.get(), generation);
            } else {
                index.delete(articleId);
            }
        } finally {
            writes.unlock();
        }
    }

    /** Commits with the change-log time known to be applied; while a rebuild runs, none is (0). */
    private void commit() throws IOException {
        writes.lock();
        try {
            index.commit(state == State.READY ? clock.millis() - IN_FLIGHT.toMillis() : 0);
        } finally {
            writes.unlock();
        }
    }

    /** True when the index holds every published article, so Related News can rely on it. */
    boolean isComplete() {
        return state == State.READY;
    }

    public State state() {
        return state;
    }

    /**
     * The ids of the stories that best match a reader's words, best first, at most {@code limit} (the content
     * API's search; the index holds published stories, which the caller checks again).
     */
    public java.util.List<Long> bestMatches(String words, int limit) throws IOException {
        return read(searcher -> ArticleSearch.search(searcher, new SearchRequest(words, null, null, null, false, 1,
                limit))).hits().stream().map(SearchHits.Hit::articleId).toList();
    }

        /** Runs a read against the current near-real-time searcher. */
    <T> T read(Reader<T> reader) throws IOException {
        LuceneIndex current = index;
        if (current == null || state == State.UNAVAILABLE) {
            throw new IOException("The search index is not available");
        }
        IndexSearcher searcher = current.acquire();
        try {
            return reader.read(searcher);
        } finally {
            current.release(searcher);
        }
    }

    /**
     * Like {@link #read}, also telling the reader the index's content generation read before the searcher was
     * acquired ({@link LuceneIndex#contentGeneration}): a key for what may be kept until documents change.
     */
    <T> T readKnowingContent(ContentReader<T> reader) throws IOException {
        LuceneIndex current = index;
        if (current == null || state == State.UNAVAILABLE) {
            throw new IOException("The search index is not available");
        }
        long content = current.contentGeneration();
        IndexSearcher searcher = current.acquire();
        try {
            return reader.read(searcher, content);
        } finally {
            current.release(searcher);
        }
    }

    @FunctionalInterface
    interface ContentReader<T> {
        T read(IndexSearcher searcher, long contentGeneration) throws IOException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void stop() {
        stopping = true;
        Thread running = rebuilder;
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LuceneIndex current = index;
        index = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.warn("Closing the search index failed", e);
            }
        }
        state = State.STARTING;
    }

    @Override
    public boolean isRunning() {
        return index != null;
    }

    /** Before the web server starts, after it stops. */
    @Override
    public int getPhase() {
        return 0;
    }
}
