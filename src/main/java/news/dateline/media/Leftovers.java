package news.dateline.media;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import news.dateline.media.MediaStore.Area;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes files nothing refers to any more: the old original and sizes of a replaced picture, the sizes a moved
 * focal point made obsolete, the files of a deleted item. Files are named by their bytes and shared (two items
 * whose pixels are the same have the same derivatives), so each is removed only when no row of {@code media} or
 * {@code media_derivative} names its hash, checked when it is removed, after the transaction that let go of it
 * has committed (before that, a rollback would need it back). The same on disk and in S3.
 */
@Component
class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private final MediaRepository repository;
    private final MediaStore store;

    Leftovers(MediaRepository repository, MediaStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** After the current transaction commits (at once outside one): each of these files that nothing names. */
    void dropUnused(Area area, Collection<String> names) {
        List<String> files = List.copyOf(names);
        if (files.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropNow(area, files);
                }
            });
        } else {
            dropNow(area, files);
        }
    }

    void dropUnusedDerivatives(Collection<Derivative> files) {
        dropUnused(Area.PUBLIC, files.stream().map(Derivative::name).toList());
    }

    private void dropNow(Area area, List<String> names) {
        for (String name : names) {
            String sha256 = name.substring(0, name.indexOf('.'));
            try {
                if (!repository.refersTo(sha256)) {
                    store.delete(area, name);
                }
            } catch (IOException | RuntimeException e) {
                // Left behind, never wrongly removed: an orphan costs space, a missing file a broken picture.
                log.warn("Media file {}/{} could not be removed: {}", area.folder(), name, e.getMessage());
            }
        }
    }
}
