package news.dateline.platform.change;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What reader pages read from stories and the site alike on every render (Recent Articles, Related News' cards),
 * kept until the next committed change that could alter it, on this node or, through the change follower, on
 * another. Only a {@link CommentsChanged} leaves it: comments show on no story card.
 *
 * <p>Exact, not "up to a few seconds old": each value is kept with the change generation read before it was
 * computed, and is used only while that generation is current. A render that read rows a change has since replaced
 * stores a value nobody will use, however its steps interleave with the change's listener.
 */
@Component
public class UntilChanged {

    private record Kept(long generation, Object value) {
    }

    private final AtomicLong generation = new AtomicLong();
    /** A few entries per story read (the story, its cards, its metadata): the hot stories of a busy day. */
    private final Cache<Object, Kept> kept = Caffeine.newBuilder().maximumSize(4_000).build();

    /**
     * The value for {@code key} as of the last change, computed (outside any lock) when there is none yet. A
     * {@code null} is returned as it is and not kept; exceptions (a refusal) pass through and nothing is kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long current = generation.get();
        Kept found = kept.getIfPresent(key);
        if (found != null && found.generation() == current) {
            return (T) found.value();
        }
        T value = compute.get();
        if (value != null) {
            kept.put(key, new Kept(current, value));
        }
        return value;
    }

    /** Before the page cache drops pages (order 0), so a page rendered after the drop reads fresh blocks. */
    @Order(-1)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (!(change instanceof CommentsChanged)) {
            generation.incrementAndGet();
            kept.invalidateAll();
        }
    }
}
