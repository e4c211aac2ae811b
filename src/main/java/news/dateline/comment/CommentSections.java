package news.dateline.comment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.comment.policy.CommentDefaults;
import news.dateline.platform.cache.PageCache;
import news.dateline.platform.cache.PersonalPages;
import news.dateline.platform.change.UntilChanged;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The comments section of an article page, for the article controller. A reader without comment cookies gets
 * what every such reader gets (cacheable); with {@code dateline_pending} they also see their comments awaiting
 * moderation, and are rendered fresh for as long as one waits ({@link #isPersonal}: a token with nothing waiting,
 * or made up, gets the cached page). With {@code dateline_commenter} the form is filled in for them when the page is
 * rendered for them, and that render is not stored; from the cache they get the empty form like everyone.
 */
@Component
public class CommentSections implements PersonalPages {

    private final CommentRepository comments;
    private final CommentViews views;
    private final CommentDefaults defaults;
    private final Clock clock;
    private final UntilChanged untilChanged;

    /** What every reader of an article's comments sees alike, kept until they or the story change. */
    private record Public(Discussion discussion, List<CommentView> thread, int count, int characters) {
    }

    private record PublicOf(long articleId) {
    }

    CommentSections(CommentRepository comments, CommentViews views, CommentDefaults defaults,
            Clock clock, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.comments = comments;
        this.views = views;
        this.defaults = defaults;
        this.clock = clock;
    }

    public CommentSection forArticle(long articleId, HttpServletRequest request, HttpServletResponse response) {
        // The discussion's rules and the approved thread (two queries and the thread's text) change only by a
        // recorded change: a comment's (CommentsChanged, also for its moderation policy) or the story's.
        Public shown = untilChanged.untilCommentsChange(articleId, new PublicOf(articleId),
                () -> read(articleId), Public::characters);
        Discussion discussion = shown.discussion();
        List<CommentView> thread = shown.thread();
        List<CommentView> awaiting = awaiting(discussion, request, response);
        boolean closed = discussion.isClosed(defaults.current(), clock.instant());
        Optional<Commenter> saved = CommenterCookies.commenter(request);
        if (saved.isPresent()) {
            PageCache.refuse(request); // the reader's own name and email are never stored for others
        }
        CommentForm input = saved.map(CommentForm.EMPTY::withCommenter).orElse(CommentForm.EMPTY);
        return new CommentSection(shown.count(), thread, awaiting, closed,
                closed ? null : views.form(discussion, input, Map.of(), null), views.stylesheet(), views.script());
    }

    /** A pending-comment token that still has a comment waiting somewhere: this reader's article pages are theirs. */
    @Override
    public boolean isPersonal(HttpServletRequest request) {
        Optional<String> token = CommenterCookies.pendingToken(request);
        if (token.isEmpty()) {
            return false;
        }
        try {
            return comments.anyWaiting(CommenterCookies.hash(token.get()));
        } catch (DataAccessException unreadable) {
            return false; // the cached page, without their waiting comment, rather than an error
        }
    }

    /** The reader's own waiting comments; a cookie with nothing left waiting anywhere is cleared. */
    private List<CommentView> awaiting(Discussion discussion, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> token = CommenterCookies.pendingToken(request);
        if (token.isEmpty()) {
            return List.of();
        }
        String hash = CommenterCookies.hash(token.get());
        List<Comment> waiting = comments.waitingFor(discussion.articleId(), hash);
        if (waiting.isEmpty() && !comments.anyWaiting(hash)) {
            CommenterCookies.clearPending(request, response);
        }
        return views.awaiting(waiting);
    }

    private Public read(long articleId) {
        Discussion discussion = comments.findDiscussion(articleId)
                .orElseThrow(() -> new IllegalStateException("No article " + articleId));
        List<Comment> approved = comments.approvedOn(articleId);
        List<CommentView> thread = views.thread(discussion, approved);
        int characters = 0;
        for (Comment c : approved) {
            characters += 200 + 2 * c.body().length() + c.authorName().length();
        }
        return new Public(discussion, thread, count(thread), characters);
    }

    private static int count(List<CommentView> views) {
        int n = 0;
        for (CommentView view : views) {
            n += 1 + count(view.replies());
        }
        return n;
    }
}
