package news.dateline.media.inline;

import java.util.List;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.StoriesImported;
import news.dateline.platform.change.StoryChanged;
import news.dateline.story.photo.InlinePhotoExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the {@code inline} rows of {@code media_use} equal to the pictures a story's body places
 * ({@code ![alt](media:42)}), so the library shows where each is used and refuses to delete it while it is. Runs
 * before the commit of every transaction that records a story's change (the editor, the API, an import, the
 * scheduler), inside it: the uses are never out of step with the body, whichever door the body came through. A
 * change replayed from another node is not a transaction here, so it writes nothing (the writing node did).
 */
@Component
class InlineUses {

    private final JdbcClient jdbc;

    InlineUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(Change change) {
        switch (change) {
            case StoryChanged story -> follow(story.articleId());
            case StoriesImported imported -> imported.articleIds().forEach(this::follow);
            default -> {
            }
        }
    }

    private void follow(long articleId) {
        List<Long> placed = jdbc.sql("SELECT body FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).optional().map(InlinePhotoExtension::ids).orElse(List.of());
        List<Long> known = placed.isEmpty() ? List.of()
                : jdbc.sql("SELECT id FROM media WHERE id IN (:ids)").param("ids", placed).query(Long.class).list();
        List<Long> recorded = jdbc.sql("SELECT media_id FROM media_use WHERE article_id = :a AND role = 'inline'")
                .param("a", articleId).query(Long.class).list();
        if (recorded.size() == known.size() && recorded.containsAll(known)) {
            return; // most saves change no picture
        }
        jdbc.sql("DELETE FROM media_use WHERE article_id = :a AND role = 'inline'").param("a", articleId).update();
        for (long mediaId : known) {
            jdbc.sql("INSERT INTO media_use (media_id, article_id, role) VALUES (:m, :a, 'inline')")
                    .param("m", mediaId).param("a", articleId).update();
        }
    }
}
