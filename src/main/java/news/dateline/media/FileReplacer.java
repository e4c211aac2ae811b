package news.dateline.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.dateline.media.MediaStore.Area;
import news.dateline.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new file for a picture already in the library, keeping its number, its description and every use (lead photo,
 * in the text, the site's logo and icon). The new file meets every check an upload meets, before anything is stored;
 * a refused one changes nothing. Its sizes are made in the background like an upload's, and until they are ready
 * the item's old sizes stay in {@code media_derivative}, so pages keep showing the old picture, never none; the
 * queue then records the changes that draw those pages again and lets go of the old sizes ({@link Leftovers}).
 *
 * <p>Bytes another item has already are refused, naming that item, rather than merged: a merge would have to choose
 * between two descriptions and move one item's uses onto the other, and the editor can do that knowingly.
 */
@Service
class FileReplacer {

    /** Shapes closer than this (1 %) are the same shape: the focal point is kept; else it goes back to the centre. */
    static final double SAME_SHAPE = 0.01;
    static final int CENTRE = 500;
    private static final Duration STORE_RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(FileReplacer.class);

    /** The item with its new file, and whether its focal point was kept (same shape) or put back in the centre. */
    record Replaced(MediaItem item, boolean focalKept) {
    }

    private final MediaRepository repository;
    private final MediaLibrary library;
    private final MediaStore store;
    private final DerivativeQueue queue;
    private final Leftovers leftovers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FileReplacer(MediaRepository repository, MediaLibrary library, MediaStore store, DerivativeQueue queue,
            Leftovers leftovers, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.library = library;
        this.store = store;
        this.queue = queue;
        this.leftovers = leftovers;
        this.transactions = transactions;
        this.clock = clock;
    }

    Replaced replace(long id, MediaLibrary.Upload upload) {
        MediaItem before = repository.find(id)
                .orElseThrow(() -> Refusal.notFound(MediaMessages.NOT_FOUND.formatted(id)));
        String name = MediaLibrary.displayName(upload.filename());
        byte[] bytes = upload.bytes();
        MediaLibrary.Checked checked = library.check(name, bytes);
        String sha256 = MediaLibrary.sha256(bytes);
        if (sha256.equals(before.sha256())) {
            throw refuse(MediaMessages.SAME_FILE.formatted(name));
        }
        repository.findBySha256(sha256).ifPresent(other -> {
            throw refuse(MediaMessages.ALREADY_IN_LIBRARY.formatted(name, other.id(), other.filename()));
        });
        String original = sha256 + "." + checked.type().extension();
        boolean wrote;
        try {
            wrote = store.put(Area.ORIGINALS, original, bytes);
        } catch (IOException e) {
            log.warn("The new original of media {} ({}) could not be stored: {}", id, name, e.getMessage());
            String message = MediaMessages.STORE_AWAY.formatted(name);
            throw Refusal.unavailable(message, Map.of("file", message), STORE_RETRY);
        }
        boolean sameShape = sameShape(before.width(), before.height(), checked.width(), checked.height());
        int focalX = sameShape ? before.focalX() : CENTRE;
        int focalY = sameShape ? before.focalY() : CENTRE;
        try {
            transactions.executeWithoutResult(status -> {
                if (!repository.replaceFile(id, before.sha256(), sha256, name, checked.type().contentType(),
                        bytes.length, checked.width(), checked.height(), focalX, focalY, clock.instant())) {
                    throw Refusal.conflict("file", MediaMessages.REPLACED_MEANWHILE.formatted(id, name));
                }
                // The old original is the upload no row names any more (unless the same bytes came in meanwhile).
                leftovers.dropUnused(Area.ORIGINALS, List.of(before.originalName()));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        queue.submit(id);
                    }
                });
            });
        } catch (DataIntegrityViolationException raced) {
            // The same bytes were uploaded as a new item a moment ago (media.sha256 is unique): its original now.
            if (wrote) {
                leftovers.dropUnused(Area.ORIGINALS, List.of(original));
            }
            MediaItem other = repository.findBySha256(sha256).orElse(null);
            throw refuse(other == null ? MediaMessages.REPLACED_MEANWHILE.formatted(id, name)
                    : MediaMessages.ALREADY_IN_LIBRARY.formatted(name, other.id(), other.filename()));
        } catch (RuntimeException failed) {
            if (wrote) {
                leftovers.dropUnused(Area.ORIGINALS, List.of(original)); // nothing half-stored
            }
            throw failed;
        }
        return new Replaced(repository.find(id).orElseThrow(), sameShape);
    }

    /** Whether two pictures have the same shape, within {@link #SAME_SHAPE} of their ratios. */
    static boolean sameShape(int width, int height, int otherWidth, int otherHeight) {
        double ratio = (double) width / height;
        double other = (double) otherWidth / otherHeight;
        return Math.abs(ratio - other) <= SAME_SHAPE * ratio;
    }

    private static Refusal refuse(String message) {
        return Refusal.invalid(message, Map.of("file", message));
    }
}
