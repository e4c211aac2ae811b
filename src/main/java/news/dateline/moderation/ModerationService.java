package news.dateline.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import news.dateline.comment.Comment;
import news.dateline.comment.CommentForm;
import news.dateline.comment.CommentMessages;
import news.dateline.comment.CommentRepository;
import news.dateline.comment.CommentState;
import news.dateline.comment.CommentValidator;
import news.dateline.comment.Fingerprint;
import news.dateline.comment.Moderation;
import news.dateline.comment.NewComment;
import news.dateline.comment.PublicChange;
import news.dateline.comment.WriteQueue;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Service;

/**
 * What moderators do to comments. Each decision is one transaction (through {@link WriteQueue}, like readers'
 * comments); when it changes what readers see, the same
 * transaction records it (change_log + CommentChanged). Decisions teach the spam rules: an approved comment makes
 * its email address trusted, a spam verdict makes its sender suspect (see SpamRules).
 */
@Service
public class ModerationService {

    /** The form's field names as the JSON API calls them. */
    private static final Map<String, String> API_FIELDS = Map.of(
            CommentForm.COMMENT, "body", CommentForm.NAME, "authorName", CommentForm.WEBSITE, "authorUrl");

    private final CommentRepository comments;
    private final CommentValidator validator;
    private final PublicChange publicChange;
    private final WriteQueue writes;
    private final Clock clock;

    ModerationService(CommentRepository comments, CommentValidator validator, PublicChange publicChange,
            WriteQueue writes, Clock clock) {
        this.comments = comments;
        this.validator = validator;
        this.publicChange = publicChange;
        this.writes = writes;
        this.clock = clock;
    }

    public Comment approve(long id) {
        return move(id, "approved", Set.of(CommentState.PENDING, CommentState.SPAM), CommentState.APPROVED);
    }

    public Comment markSpam(long id) {
        return move(id, "marked spam", Set.of(CommentState.PENDING, CommentState.APPROVED), CommentState.SPAM);
    }

    Comment trash(long id) {
        return writes.inTransaction(() -> trashNow(id));
    }

    private Comment trashNow(long id) {
        Comment comment = existing(id);
        if (comment.state() == CommentState.TRASH) {
            throw cannot(comment, "trashed");
        }
        Instant now = clock.instant();
        comments.trash(id, comment.state(), now);
        publicChange.recordIf(comment.state() == CommentState.APPROVED, false, comment.articleId(), now);
        return existing(id);
    }

    /** Out of the trash to where it was; out of spam ("not spam") back to the queue. */
    Comment restore(long id) {
        return writes.inTransaction(() -> restoreNow(id));
    }

    private Comment restoreNow(long id) {
        Comment comment = existing(id);
        Instant now = clock.instant();
        CommentState to;
        if (comment.state() == CommentState.TRASH) {
            to = comments.stateBeforeTrash(id).orElse(CommentState.PENDING);
            comments.restore(id, to, Fingerprint.of(comment.authorEmail(), comment.body()), now);
        } else if (comment.state() == CommentState.SPAM) {
            to = CommentState.PENDING;
            comments.setState(id, to, now);
        } else {
            throw cannot(comment, "restored");
        }
        publicChange.recordIf(false, to == CommentState.APPROVED, comment.articleId(), now);
        return existing(id);
    }

    /** A reply signed by the staff member, public at once; a waiting comment answered is approved with it. */
    Comment reply(long parentId, String body, String username) {
        return writes.inTransaction(() -> replyNow(parentId, body, username));
    }

    private Comment replyNow(long parentId, String body, String username) {
        Comment parent = existing(parentId);
        if (parent.state() == CommentState.SPAM || parent.state() == CommentState.TRASH) {
            throw cannot(parent, "replied to");
        }
        checkBody(body);
        var staff = comments.staffMember(username)
                .orElseThrow(() -> Refusal.forbidden("No newsroom account " + username));
        Instant now = clock.instant();
        if (parent.state() == CommentState.PENDING) {
            comments.setState(parentId, CommentState.APPROVED, now);
        }
        long id = comments.insert(new NewComment(parent.articleId(), parentId, CommentState.APPROVED,
                        staff.displayName(), "", "", body, staff.accountId(), null, "", "", "reply from the newsroom",
                        null, now))
                .orElseThrow();
        publicChange.record(parent.articleId(), now);
        return existing(id);
    }

    /** Changes the text, name or website (null: unchanged), checked by the same rules as a reader's comment. */
    Comment edit(long id, String body, String authorName, String authorUrl) {
        return writes.inTransaction(() -> editNow(id, body, authorName, authorUrl));
    }

    private Comment editNow(long id, String body, String authorName, String authorUrl) {
        Comment comment = existing(id);
        String newBody = body != null ? body.replace("\r\n", "\n") : comment.body();
        String newName = authorName != null ? authorName.strip() : comment.authorName();
        String newUrl = authorUrl != null ? authorUrl.strip() : comment.authorUrl();
        // Staff replies carry no email; any valid address stands in for the check.
        String email = comment.byStaff() ? "staff@dateline.invalid" : comment.authorEmail();
        Map<String, String> errors = new LinkedHashMap<>();
        validator.check(new CommentForm(newBody, newName, email, newUrl, "", false, "", ""))
                .forEach((field, message) -> errors.put(API_FIELDS.getOrDefault(field, field), message));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(CommentMessages.API_INVALID, errors);
        }
        Instant now = clock.instant();
        comments.edit(id, newName, newUrl, newBody, now);
        publicChange.recordIf(comment.state() == CommentState.APPROVED, false, comment.articleId(), now);
        return existing(id);
    }

    public void setPolicy(long articleId, Moderation moderation, Integer closeAfterDays) {
        writes.inTransaction(() -> {
            setPolicyNow(articleId, moderation, closeAfterDays);
            return null;
        });
    }

    private void setPolicyNow(long articleId, Moderation moderation, Integer closeAfterDays) {
        if (comments.findDiscussion(articleId).isEmpty()) {
            throw Refusal.notFound(CommentMessages.API_NO_ARTICLE.formatted(articleId));
        }
        if (closeAfterDays != null && closeAfterDays < 0) {
            throw Refusal.invalid(CommentMessages.API_BAD_DAYS, Map.of());
        }
        Instant now = clock.instant();
        comments.savePolicy(articleId, moderation, closeAfterDays, now);
        publicChange.record(articleId, now); // the form may appear or give way to "Comments are closed."
    }

    private Comment move(long id, String verb, Set<CommentState> from, CommentState to) {
        return writes.inTransaction(() -> moveNow(id, verb, from, to));
    }

    private Comment moveNow(long id, String verb, Set<CommentState> from, CommentState to) {
        Comment comment = existing(id);
        if (!from.contains(comment.state())) {
            throw cannot(comment, verb);
        }
        Instant now = clock.instant();
        comments.setState(id, to, now);
        publicChange.recordIf(comment.state() == CommentState.APPROVED, to == CommentState.APPROVED,
                comment.articleId(), now);
        return existing(id);
    }

    private void checkBody(String body) {
        Map<String, String> errors = validator.check(
                new CommentForm(body == null ? "" : body, "staff", "staff@dateline.invalid", "", "", false, "", ""));
        if (errors.containsKey(CommentForm.COMMENT)) {
            throw Refusal.invalid(CommentMessages.API_INVALID, Map.of("body", errors.get(CommentForm.COMMENT)));
        }
    }

    private Comment existing(long id) {
        return comments.find(id)
                .orElseThrow(() -> Refusal.notFound(CommentMessages.API_NOT_FOUND.formatted(id)));
    }

    private static Refusal cannot(Comment comment, String verb) {
        return Refusal.conflict(CommentMessages.API_CANNOT.formatted(comment.state().column(), verb));
    }
}
