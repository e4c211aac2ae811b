package news.dateline.media;

import java.time.Clock;
import java.util.Optional;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import news.dateline.story.photo.AgencyPhotos;
import news.dateline.story.photo.PhotoIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wire pictures in the library (docs/wire.md, "Pictures"): taken in as uploads are ({@link MediaLibrary}), with the
 * agency's credit, source, copyright notice and caption; a newer version's file through {@link FileReplacer}; a kill
 * removes the sizes so no page shows the picture, and marks it killed.
 */
@Service
class AgencyPictures implements AgencyPhotos {

    private final MediaLibrary library;
    private final FileReplacer replacer;
    private final MediaRepository repository;
    private final Leftovers leftovers;
    private final DerivativeQueue queue;
    private final ChangeLog changes;
    private final Clock clock;

    AgencyPictures(MediaLibrary library, FileReplacer replacer, MediaRepository repository, Leftovers leftovers,
            DerivativeQueue queue, ChangeLog changes, Clock clock) {
        this.queue = queue;
        this.library = library;
        this.replacer = replacer;
        this.repository = repository;
        this.leftovers = leftovers;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(String filename, byte[] bytes) {
        try {
            library.check(MediaLibrary.displayName(filename), bytes);
            return Optional.empty();
        } catch (Refusal refused) {
            return Optional.of(refused.getMessage());
        }
    }

    @Override
    public PhotoIntake.Outcome take(Picture picture) {
        MediaLibrary.Taken taken;
        try {
            taken = library.upload(upload(picture));
        } catch (Refusal refused) {
            return PhotoIntake.Outcome.refused(refused.getMessage());
        }
        long id = taken.item().id();
        if (taken.added()) {
            describe(id, picture);
        }
        return PhotoIntake.Outcome.taken(id);
    }

    @Override
    public PhotoIntake.Outcome replace(long mediaId, Picture picture) {
        MediaItem before = repository.find(mediaId).orElse(null);
        if (before == null || repository.killed(mediaId)) {
            return take(picture); // deleted from the library meanwhile (or killed): the new version is a new item
        }
        if (!MediaLibrary.sha256(picture.bytes()).equals(before.sha256())) {
            try {
                replacer.replace(mediaId, upload(picture));
            } catch (Refusal refused) {
                return PhotoIntake.Outcome.refused(refused.getMessage());
            }
        }
        describe(mediaId, picture);
        for (long article : repository.articlesUsing(mediaId)) {
            changes.record(new StoryChanged(article, StoryChanged.Kind.SAVED));
        }
        return PhotoIntake.Outcome.taken(mediaId);
    }

    @Override
    public void withdraw(long mediaId, String notice) {
        if (repository.find(mediaId).isEmpty() || repository.killed(mediaId)) {
            return;
        }
        // The rows first, in the caller's transaction: every page drawn after the commit shows nothing of it; the
        // files go once that committed (and nothing else names them).
        leftovers.dropUnusedDerivatives(repository.kill(mediaId, cut(notice), clock.instant()));
        for (long article : repository.articlesUsing(mediaId)) {
            changes.record(new StoryChanged(article, StoryChanged.Kind.SAVED));
        }
    }

    private void describe(long id, Picture picture) {
        MediaItem item = repository.find(id).orElseThrow();
        // A new file of another shape has its focal point back in the centre (FileReplacer); the agency's own wins.
        int x = picture.focalX() == FileReplacer.CENTRE ? item.focalX() : picture.focalX();
        int y = picture.focalY() == FileReplacer.CENTRE ? item.focalY() : picture.focalY();
        boolean moved = repository.describe(id, cut(picture.alt()), cut(picture.caption()), cut(picture.credit()),
                cut(picture.source()), cut(picture.copyright()), x, y, clock.instant());
        if (!picture.alt().isBlank()) {
            repository.altUnchecked(id);
        }
        if (moved && TransactionSynchronizationManager.isSynchronizationActive()) {
            // Made again around the new focal point once this commits (pending until then).
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue.submit(id);
                }
            });
        }
    }

    private static MediaLibrary.Upload upload(Picture picture) {
        return new MediaLibrary.Upload(picture.filename(), picture.bytes(), cut(picture.alt()), cut(picture.caption()),
                cut(picture.credit()), cut("wire: " + picture.source()));
    }

    /** Agency texts longer than the library keeps are cut, not refused: the picture matters more than its caption. */
    private static String cut(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() > MediaLibrary.MAX_TEXT ? value.substring(0, MediaLibrary.MAX_TEXT - 1) + "…" : value;
    }
}
