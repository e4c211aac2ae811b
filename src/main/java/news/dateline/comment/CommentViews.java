package news.dateline.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.dateline.platform.Moments;
import news.dateline.platform.asset.AssetUrls;
import org.springframework.stereotype.Component;

/** Turns stored comments and form input into what the templates show. */
@Component
class CommentViews {

    private static final Comparator<Comment> OLDEST_FIRST =
            Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::id);

    private final Moments moments;
    private final FormStamp stamps;
    private final CommentProperties settings;
    private final AssetUrls resources;

    CommentViews(Moments moments, FormStamp stamps, CommentProperties settings, AssetUrls resources) {
        this.moments = moments;
        this.stamps = stamps;
        this.settings = settings;
        this.resources = resources;
    }

    /**
     * The thread, replies nested under what they answer down to {@code nesting-depth}; at that depth the rest of
     * a conversation continues side by side, oldest first. A reply whose parent is not public stands on its own.
     */
    List<CommentView> thread(Discussion discussion, List<Comment> approved) {
        Set<Long> ids = new HashSet<>();
        approved.forEach(c -> ids.add(c.id()));
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : approved) {
            if (c.parentId() != null && ids.contains(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        return level(discussion, roots, children, 1);
    }

    private List<CommentView> level(Discussion discussion, List<Comment> nodes, Map<Long, List<Comment>> children,
            int depth) {
        List<Comment> shown = new ArrayList<>(nodes);
        boolean deepest = depth >= settings.nestingDepth();
        if (deepest) {
            for (int i = 0; i < shown.size(); i++) { // grows while walking: every descendant joins this level
                shown.addAll(children.getOrDefault(shown.get(i).id(), List.of()));
            }
            shown.sort(OLDEST_FIRST);
        }
        List<CommentView> views = new ArrayList<>(shown.size());
        for (Comment c : shown) {
            List<CommentView> replies = deepest ? List.of()
                    : level(discussion, children.getOrDefault(c.id(), List.of()), children, depth + 1);
            views.add(view(c, deepest ? null : replyPath(discussion, c.id()), false, replies));
        }
        return views;
    }

    CommentView single(Comment c) {
        return view(c, null, c.state() != CommentState.APPROVED, List.of());
    }

    List<CommentView> awaiting(List<Comment> waiting) {
        return waiting.stream().map(this::single).toList();
    }

    private CommentView view(Comment c, String replyPath, boolean awaiting, List<CommentView> replies) {
        return new CommentView(c.id(), c.authorName(), c.authorUrl(), c.byStaff(), moments.of(c.createdAt()),
                CommentText.of(c.body()), replyPath, awaiting, replies);
    }

    static String replyPath(Discussion discussion, long parentId) {
        return discussion.commentsPath() + "?replyto=" + parentId + "#respond";
    }

    CommentFormView form(Discussion discussion, CommentForm input, Map<String, String> errors, CommentView replyTo) {
        return new CommentFormView(discussion.commentsPath(), input.comment(), input.name(), input.email(),
                input.website(), replyTo == null ? "" : Long.toString(replyTo.id()), input.remember(),
                input.notifyReplies(), stamps.issue(discussion.articleId()), errors, replyTo == null ? null : replyTo.authorName(),
                replyTo == null ? null : discussion.path() + "#respond", rules());
    }

    private CommentFormView.ClientRules rules() {
        return new CommentFormView.ClientRules(settings.maxLength(), settings.maxNameLength(),
                CommentMessages.COMMENT_EMPTY, CommentMessages.COMMENT_TOO_LONG, CommentMessages.NAME_EMPTY,
                CommentMessages.NAME_TOO_LONG, CommentMessages.EMAIL_INVALID, CommentMessages.WEBSITE_INVALID);
    }

    String stylesheet() {
        return asset("/assets/comments.css");
    }

    String script() {
        return asset("/assets/comment-form.js");
    }

    private String asset(String path) {
        return resources.of(path);
    }
}
