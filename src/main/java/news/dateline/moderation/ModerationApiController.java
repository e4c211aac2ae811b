package news.dateline.moderation;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.dateline.comment.Comment;
import news.dateline.comment.CommentMessages;
import news.dateline.comment.CommentRepository;
import news.dateline.comment.CommentState;
import news.dateline.comment.Moderation;
import news.dateline.platform.ApiEndpoint;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation API the newsroom's screens use. Editors and admins only (SecurityConfig); every state change
 * needs the session's CSRF token in the {@code X-CSRF-TOKEN} header, as a newsroom page sends it. Refusals are
 * answered as {@code application/problem+json} (platform.ApiProblems).
 */
@RestController
@ApiEndpoint
@RequestMapping("/api/v1/comments")
class ModerationApiController {

    static final int MAX_PAGE = 200;

    private final CommentRepository comments;
    private final ModerationService moderation;

    ModerationApiController(CommentRepository comments, ModerationService moderation) {
        this.comments = comments;
        this.moderation = moderation;
    }

    /** A comment as moderators see it, email, address and the spam rules' reason included. */
    record CommentJson(long id, long articleId, Long parentId, String state, String authorName, String authorEmail,
            String authorUrl, String body, boolean staff, String ip, String reason, String createdAt,
            String modifiedAt) {

        static CommentJson of(Comment c) {
            return new CommentJson(c.id(), c.articleId(), c.parentId(), c.state().column(), c.authorName(),
                    c.authorEmail(), c.authorUrl(), c.body(), c.byStaff(), c.ip(), c.reason(), iso(c.createdAt()),
                    iso(c.modifiedAt()));
        }

        private static String iso(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** One page of a queue, newest first; pass {@code before} = {@code next} for the following page. */
    record Page(List<CommentJson> comments, Long next) {
    }

    record ReplyJson(String body) {
    }

    record EditJson(String body, String authorName, String authorUrl) {
    }

    record PolicyJson(String moderation, Integer closeAfterDays) {
    }

    @GetMapping
    Page list(@RequestParam(defaultValue = "pending") String state, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before) {
        CommentState wanted = CommentState.parse(state).orElseThrow(() ->
                Refusal.badRequest(CommentMessages.API_BAD_STATE.formatted(state)));
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<CommentJson> found = comments.inState(wanted, size, before == null ? Long.MAX_VALUE : before)
                .stream().map(CommentJson::of).toList();
        Long next = found.size() == size ? found.getLast().id() : null;
        return new Page(found, next);
    }

    @GetMapping("/{id}")
    CommentJson one(@PathVariable long id) {
        return comments.find(id).map(CommentJson::of).orElseThrow(() ->
                Refusal.notFound(CommentMessages.API_NOT_FOUND.formatted(id)));
    }

    @PostMapping("/{id}/approve")
    CommentJson approve(@PathVariable long id) {
        return CommentJson.of(moderation.approve(id));
    }

    @PostMapping("/{id}/spam")
    CommentJson spam(@PathVariable long id) {
        return CommentJson.of(moderation.markSpam(id));
    }

    @PostMapping("/{id}/trash")
    CommentJson trash(@PathVariable long id) {
        return CommentJson.of(moderation.trash(id));
    }

    @PostMapping("/{id}/restore")
    CommentJson restore(@PathVariable long id) {
        return CommentJson.of(moderation.restore(id));
    }

    @PostMapping("/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson reply(@PathVariable long id, @RequestBody ReplyJson reply, Principal principal) {
        return CommentJson.of(moderation.reply(id, reply.body(), principal.getName()));
    }

    @PatchMapping("/{id}")
    CommentJson edit(@PathVariable long id, @RequestBody EditJson edit) {
        return CommentJson.of(moderation.edit(id, edit.body(), edit.authorName(), edit.authorUrl()));
    }

    /** An article's own rules; null fields fall back to the site's defaults. */
    @PutMapping("/articles/{articleId}/policy")
    PolicyJson policy(@PathVariable long articleId, @RequestBody PolicyJson policy) {
        Moderation mode = null;
        if (policy.moderation() != null) {
            mode = Moderation.parse(policy.moderation()).orElseThrow(() -> Refusal.invalid(
                    CommentMessages.API_BAD_POLICY.formatted(policy.moderation()), Map.of()));
        }
        moderation.setPolicy(articleId, mode, policy.closeAfterDays());
        return policy;
    }
}
