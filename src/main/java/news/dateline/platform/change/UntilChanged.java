package news.dateline.platform.change;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToIntFunction;
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
 *
 * <p>{@link #untilCommentsChange} keeps what an article's comments show (its thread) the same way, and also until
 * the next {@link CommentsChanged} for that article.
 */
@Component
public class UntilChanged {

    private record Kept(long generation, Object value) {
    }

    private record KeptWithComments(long generation, long comments, Object value, int weight) {
    }

    /**
     * How many comment changes each article has seen, in stripes by id (never evicted, so never reset: a stripe
     * two articles share only makes one read again when the other's comments change).
     */
    private static final int STRIPES = 4096;
    private final AtomicLongArray commentChanges = new AtomicLongArray(STRIPES);
    /** Comment threads can be long: bounded by their weight (about their characters: 8 million, 16 MB or so). */
    private final Cache<Object, KeptWithComments> keptWithComments = Caffeine.newBuilder()
            .maximumWeight(8_000_000)
            .weigher((Object key, KeptWithComments kept) -> kept.weight())
            .build();

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

    /**
     * Like {@link #get}, and also read again after the next {@link CommentsChanged} for {@code articleId}.
     * {@code weight} says about how many characters the value holds, for the bound.
     */
    @SuppressWarnings("unchecked")
    public <T> T untilCommentsChange(long articleId, Object key, Supplier<T> compute, ToIntFunction<T> weight) {
        long current = generation.get();
        int stripe = stripe(articleId);
        long comments = commentChanges.get(stripe);
        KeptWithComments found = keptWithComments.getIfPresent(key);
        if (found != null && found.generation() == current && found.comments() == comments) {
            return (T) found.value();
        }
        T value = compute.get();
        if (value != null) {
            keptWithComments.put(key,
                    new KeptWithComments(current, comments, value, Math.max(1, weight.applyAsInt(value))));
        }
        return value;
    }

    private static int stripe(long articleId) {
        return (int) Math.floorMod(articleId, (long) STRIPES);
    }

    /** Before the page cache drops pages (order 0), so a page rendered after the drop reads fresh blocks. */
    @Order(-1)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (change instanceof CommentsChanged comments) {
            commentChanges.incrementAndGet(stripe(comments.articleId()));
        } else {
            generation.incrementAndGet();
            kept.invalidateAll();
            keptWithComments.invalidateAll();
        }
    }
}
