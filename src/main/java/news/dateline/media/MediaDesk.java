package news.dateline.media;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.media.MediaStore.Area;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The newsroom's changes to an item: its description and focal point, and deleting it. A change to an item that
 * stories show records a {@link StoryChanged} for each of them in the same transaction, so their cached pages are
 * dropped (the one change path); a moved focal point makes the crops again.
 */
@Service
public class MediaDesk {

    /** What an editor typed, as the form sends it (focal point as text: a number field may be left empty). */
    public record Description(String alt, String caption, String credit, String source, String copyright, String focalX,
            String focalY) {
    }

    private final MediaRepository repository;
    private final DerivativeQueue queue;
    private final ChangeLog changes;
    private final Clock clock;
    private final ObjectProvider<MediaRepository.SiteUses> siteUses;
    private final Leftovers leftovers;

    MediaDesk(MediaRepository repository, DerivativeQueue queue, ChangeLog changes, Clock clock,
            ObjectProvider<MediaRepository.SiteUses> siteUses, Leftovers leftovers) {
        this.leftovers = leftovers;
        this.siteUses = siteUses;
        this.repository = repository;
        this.queue = queue;
        this.changes = changes;
        this.clock = clock;
    }

    MediaItem item(long id) {
        return repository.find(id).orElseThrow(() -> Refusal.notFound(MediaMessages.NOT_FOUND.formatted(id)));
    }

    @Transactional
    void describe(long id, Description d) {
        item(id);
        Map<String, String> problems = new LinkedHashMap<>();
        for (var field : Map.of("alt", d.alt(), "caption", d.caption(), "credit", d.credit(), "source", d.source(),
                "copyright", d.copyright()).entrySet()) {
            if (text(field.getValue()).length() > MediaLibrary.MAX_TEXT) {
                problems.put(field.getKey(), MediaMessages.TOO_LONG.formatted(MediaLibrary.MAX_TEXT));
            }
        }
        Integer x = focal(d.focalX());
        Integer y = focal(d.focalY());
        if (x == null) {
            problems.put("focalX", MediaMessages.FOCAL);
        }
        if (y == null) {
            problems.put("focalY", MediaMessages.FOCAL);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("Nothing was saved: " + String.join(" ", problems.values()), problems);
        }
        boolean moved = repository.describe(id, text(d.alt()), text(d.caption()), text(d.credit()), text(d.source()),
                text(d.copyright()), x, y, clock.instant());
        for (long article : repository.articlesUsing(id)) {
            changes.record(new StoryChanged(article, StoryChanged.Kind.SAVED));
        }
        if (moved) {
            afterCommit(() -> queue.submit(id));
        }
    }

    @Transactional
    void retry(long id) {
        item(id);
        repository.retry(id, clock.instant());
        afterCommit(() -> queue.submit(id));
    }

    /** Deletes an item no story and nothing on the site (its logo, its icon) uses, with its files. */
    @Transactional
    String delete(long id) {
        MediaItem item = item(id);
        List<MediaRepository.Use> uses = repository.uses(id);
        if (!uses.isEmpty()) {
            throw Refusal.conflict(MediaMessages.IN_USE.formatted(item.filename(), uses.size()));
        }
        List<String> onTheSite = siteUses.orderedStream().flatMap(site -> site.of(id).stream()).toList();
        if (!onTheSite.isEmpty()) {
            throw Refusal.conflict(MediaMessages.SITE_USE.formatted(item.filename(), String.join(" and ", onTheSite)));
        }
        List<Derivative> files = repository.derivatives(id);
        repository.delete(id);
        // Only what no other item names: two items with the same pixels share their sizes' files.
        leftovers.dropUnused(Area.ORIGINALS, List.of(item.originalName()));
        leftovers.dropUnusedDerivatives(files);
        return item.filename();
    }

    private static void afterCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    private static Integer focal(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            return n >= 0 && n <= 1000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
