package news.dateline.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import news.dateline.comment.Comment;
import news.dateline.comment.CommentState;
import news.dateline.moderation.QueueRepository.ArticleWithComments;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Service;

/**
 * What the newsroom's moderation screen may ask of the comment feature: the queues and the moderators' decisions.
 * Decisions go through {@link ModerationService}, the same rules and transactions as the JSON API.
 */
@Service
public class ModerationDesk {

    /** The queues, in the order the screen shows them. */
    public static final List<String> STATES = List.of("pending", "approved", "spam", "trash");
    /** What a moderator may do to many comments at once. */
    public static final List<String> BULK_ACTIONS = List.of("approve", "spam", "trash", "restore");

    /** A filter choice: an article with comments. */
    public record ArticleChoice(long id, String headline, int comments) {
    }

    /** One queue page; {@code next} continues it (pass as {@code before}), null at its end. */
    public record Queue(List<QueuedComment> comments, Long next) {
    }

    /** How a bulk action went: how many were done, and why each of the others was not. */
    public record BulkOutcome(int done, List<String> refused) {
    }

    private final QueueRepository queue;
    private final ModerationService moderation;

    ModerationDesk(QueueRepository queue, ModerationService moderation) {
        this.queue = queue;
        this.moderation = moderation;
    }

    public static boolean isState(String state) {
        return CommentState.parse(state).isPresent();
    }

    public Map<String, Integer> counts(Long articleId) {
        return queue.counts(articleId);
    }

    public Queue queue(String state, Long articleId, int limit, Long before) {
        CommentState wanted = CommentState.parse(state).orElse(CommentState.PENDING);
        List<QueuedComment> found = queue.inState(wanted, articleId, limit, before == null ? Long.MAX_VALUE : before);
        return new Queue(found, found.size() == limit ? found.getLast().id() : null);
    }

    public Optional<QueuedComment> find(long id) {
        return queue.find(id);
    }

    public List<ArticleChoice> articlesWithComments() {
        return queue.articlesWithComments(200).stream()
                .map((ArticleWithComments a) -> new ArticleChoice(a.id(), a.headline(), a.comments()))
                .toList();
    }

    public Optional<String> headlineOf(long articleId) {
        return queue.headlineOf(articleId);
    }

    /** approve, spam, trash or restore one comment. */
    public void act(String action, long id) {
        LongFunction<Comment> decision = switch (action) {
            case "approve" -> moderation::approve;
            case "spam" -> moderation::markSpam;
            case "trash" -> moderation::trash;
            case "restore" -> moderation::restore;
            default -> throw Refusal.badRequest("Unknown action '" + action + "'");
        };
        decision.apply(id);
    }

    /** Each comment is its own decision: one that cannot be moved does not hold back the others. */
    public BulkOutcome actOnAll(String action, List<Long> ids) {
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            try {
                act(action, id);
                done++;
            } catch (Refusal e) {
                refused.add("#" + id + ": " + e.getMessage());
            }
        }
        return new BulkOutcome(done, refused);
    }

    /** A staff reply, public at once; a pending comment answered is approved with it. Returns the reply's id. */
    public long reply(long parentId, String body, String username) {
        return moderation.reply(parentId, body, username).id();
    }

    public void edit(long id, String body, String authorName, String authorUrl) {
        moderation.edit(id, body, authorName, authorUrl);
    }
}
