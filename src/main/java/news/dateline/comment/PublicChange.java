package news.dateline.comment;

import java.time.Instant;
import news.dateline.platform.ChangeLog;
import news.dateline.platform.CommentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records, inside the caller's transaction, that an article's public comments changed: a {@code change_log} row
 * of kind {@code comment} for every node, and {@link CommentChanged} for after-commit listeners on this one.
 */
@Component
public class PublicChange {

    static final String KIND = "comment";

    private final ChangeLog changeLog;
    private final ApplicationEventPublisher events;

    PublicChange(ChangeLog changeLog, ApplicationEventPublisher events) {
        this.changeLog = changeLog;
        this.events = events;
    }

    public void record(long articleId, Instant now) {
        changeLog.append(articleId, KIND, now);
        events.publishEvent(new CommentChanged(articleId));
    }

    /** Only a change to what readers see is recorded: approved before, or approved after. */
    public void recordIf(boolean publicBefore, boolean publicAfter, long articleId, Instant now) {
        if (publicBefore || publicAfter) {
            record(articleId, now);
        }
    }
}
