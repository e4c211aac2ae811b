package news.dateline.platform.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What another node will do with this node's writes: read the change-log rows and rebuild the very changes the
 * listeners here received. Each kind of change, recorded through the one path, comes back equal from its rows.
 */
class ChangesReplayFromTheirRowsTest extends SqliteSite {

    @Test
    void everyRecordedChangeComesBackEqualFromItsRows() {
        List<Change> changes = List.of(
                new StoryChanged(9001, StoryChanged.Kind.PUBLISHED),
                new StoryChanged(9001, StoryChanged.Kind.LIVE_ENDED),
                new StoryChanged(9001, StoryChanged.Kind.PUBLISHED_ON_SCHEDULE),
                new LiveEntryChanged(9001, 77, LiveEntryChanged.Kind.EDITED),
                new CommentsChanged(9001),
                new TaxonomyChanged(TaxonomyChanged.Kind.TAG_MERGED),
                new SiteChanged(SiteChanged.Kind.FRONT),
                new SiteChanged(SiteChanged.Kind.BANNER),
                new SiteChanged(SiteChanged.Kind.SETTINGS),
                new StoriesImported(List.of(9002L, 9003L)));
        long before = lastRow();
        TransactionTemplate transaction = new TransactionTemplate(bean(PlatformTransactionManager.class));
        transaction.executeWithoutResult(status -> changes.forEach(bean(ChangeLog.class)::record));

        List<Change> replayed = new ArrayList<>();
        for (ChangeRow row : rowsAfter(before)) {
            replayed.add(Change.fromRow(row));
        }

        // An import is one event here and one row per story there: the replay names the same stories.
        assertThat(replayed).containsExactly(changes.get(0), changes.get(1), changes.get(2), changes.get(3),
                changes.get(4), changes.get(5), changes.get(6), changes.get(7), changes.get(8),
                new StoriesImported(List.of(9002L)),
                new StoriesImported(List.of(9003L)));
    }

    @Test
    void aChangeOutsideATransactionIsRefusedAndWritesNothing() {
        long before = lastRow();
        assertThatThrownBy(() -> bean(ChangeLog.class).record(new CommentsChanged(9001)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rowsAfter(before)).isEmpty();
    }

    private long lastRow() {
        return bean(JdbcClient.class).sql("SELECT COALESCE(MAX(id), 0) FROM change_log").query(Long.class).single();
    }

    private List<ChangeRow> rowsAfter(long id) {
        return bean(JdbcClient.class).sql("SELECT article_id, kind, entry_id FROM change_log WHERE id > :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new ChangeRow(rs.getObject("article_id") == null ? null : rs.getLong("article_id"),
                        rs.getString("kind"), rs.getObject("entry_id") == null ? null : rs.getLong("entry_id")))
                .list();
    }
}
