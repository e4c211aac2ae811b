package news.dateline.comment;

import java.time.Instant;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.CommentsChanged;
import org.springframework.stereotype.Component;

/**
 * Records, inside the caller's transaction, that an article's public comments changed ({@link CommentsChanged}):
 * only changes to what readers see are recorded.
 */
@Component
public class PublicChange {

    private final ChangeLog changes;

    PublicChange(ChangeLog changes) {
        this.changes = changes;
    }

    public void record(long articleId, Instant now) {
        changes.record(new CommentsChanged(articleId));
    }

    /** Only a change to what readers see is recorded: approved before, or approved after. */
    public void recordIf(boolean publicBefore, boolean publicAfter, long articleId, Instant now) {
        if (publicBefore || publicAfter) {
            record(articleId, now);
        }
    }
}
