package news.dateline.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import news.dateline.comment.CommentRepository.History;
import news.dateline.comment.SpamRules.Verdict;
import news.dateline.comment.policy.CommentDefaults;
import news.dateline.platform.StoreBusy;
import org.springframework.stereotype.Service;

/**
 * Takes a reader's valid comment: checks what it replies to, lets the spam rules decide its state, and stores
 * it. The reads happen before the write transaction so that, on SQLite, the write lock is held only for the
 * insert (and its change-log row when the comment is public at once).
 */
@Service
class CommentService {

    /** What became of a submission. */
    sealed interface Outcome {
        record Stored(long id, CommentState state) implements Outcome {
        }

        record Duplicate() implements Outcome {
        }

        record ParentGone() implements Outcome {
        }

        /** The database was locked or out of reach past our patience: nothing was stored. */
        record Busy() implements Outcome {
        }
    }

    private final CommentRepository comments;
    private final SpamRules rules;
    private final PublicChange publicChange;
    private final WriteQueue writes;
    private final CommentDefaults defaults;
    private final Clock clock;

    /** {@code dateline.comments.received} by outcome, registered once rather than looked up per comment. */
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> received =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final io.micrometer.core.instrument.MeterRegistry meters;

    CommentService(CommentRepository comments, SpamRules rules, PublicChange publicChange,
            WriteQueue writes, CommentDefaults defaults, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.comments = comments;
        this.rules = rules;
        this.publicChange = publicChange;
        this.writes = writes;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The form must have passed {@link CommentValidator}; {@code fillTime} is empty for a missing or forged stamp. */
    Outcome submit(Discussion discussion, CommentForm form, Visitor visitor, Optional<Duration> fillTime) {
        Outcome outcome = store(discussion, form, visitor, fillTime);
        String name = switch (outcome) {
            case Outcome.Stored stored -> stored.state().column();
            case Outcome.Duplicate d -> "duplicate";
            case Outcome.ParentGone g -> "parent_gone";
            case Outcome.Busy b -> "busy";
        };
        received.computeIfAbsent(name, outcomeName -> io.micrometer.core.instrument.Counter
                .builder("dateline.comments.received").tag("outcome", outcomeName)
                .description("Comments that passed validation and rate limits, by what became of them")
                .register(meters)).increment();
        return outcome;
    }

    private Outcome store(Discussion discussion, CommentForm form, Visitor visitor, Optional<Duration> fillTime) {
        Instant now = clock.instant();
        Long parentId = form.parentId();
        if (parentId != null && !isReplyable(parentId, discussion.articleId())) {
            return new Outcome.ParentGone();
        }
        History history = comments.historyOf(form.emailKey(), visitor.ip(), now.minus(SpamRules.IP_MEMORY));
        Verdict verdict = rules.judge(form, discussion.moderation(defaults.current()), history, fillTime);
        NewComment comment = new NewComment(discussion.articleId(), parentId, verdict.state(), form.trimmedName(),
                form.trimmedEmail(), form.trimmedWebsite(), form.comment(), null, visitor.tokenHash(), visitor.ip(),
                visitor.userAgent(), verdict.reason(), Fingerprint.of(form.emailKey(), form.comment()), now,
                form.notifyReplies());
        Optional<Long> id;
        try {
            id = writes.inTransaction(() -> {
                Optional<Long> stored = comments.insert(comment);
                if (stored.isPresent() && verdict.state() == CommentState.APPROVED) {
                    publicChange.record(discussion.articleId(), now);
                }
                return stored;
            });
        } catch (RuntimeException failed) {
            if (StoreBusy.is(failed)) {
                return new Outcome.Busy();
            }
            throw failed;
        }
        return id.<Outcome>map(stored -> new Outcome.Stored(stored, verdict.state()))
                .orElseGet(Outcome.Duplicate::new);
    }

    /** Readers answer only comments that are public on the same article. */
    private boolean isReplyable(long parentId, long articleId) {
        return comments.find(parentId)
                .filter(parent -> parent.articleId() == articleId && parent.state() == CommentState.APPROVED)
                .isPresent();
    }
}
