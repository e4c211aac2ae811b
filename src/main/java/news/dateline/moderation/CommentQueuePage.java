package news.dateline.moderation;

import java.util.List;
import java.util.Map;
import news.dateline.moderation.ModerationDesk.ArticleChoice;
import news.dateline.platform.Moment;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation screen: one queue ({@code state}), perhaps of one article, and at most one open reply or edit
 * form, which keeps what the moderator typed when it was refused.
 */
public record CommentQueuePage(String state, Long articleId, String articleHeadline, Map<String, Integer> counts,
        List<Row> rows, Long next, List<ArticleChoice> articles, Form form) {

    public record Row(QueuedComment comment, Moment at) {
    }

    /** An open reply ({@code reply} true) or edit form on comment {@code commentId}. */
    public record Form(long commentId, boolean reply, String body, String authorName, String authorUrl,
            Map<String, String> errors) {

        public String error(String field) {
            return errors.get(field);
        }
    }

    public List<String> states() {
        return ModerationDesk.STATES;
    }

    public List<String> bulkActions() {
        return ModerationDesk.BULK_ACTIONS;
    }

    public boolean formOn(long commentId, boolean reply) {
        return form != null && form.commentId() == commentId && form.reply() == reply;
    }

    /** This screen's address with another state, keeping the article filter. */
    public String link(String toState) {
        return queueLink(toState, articleId);
    }

    public String withForm(String kind, long commentId) {
        return UriComponentsBuilder.fromUriString(link(state)).queryParam(kind, commentId).build().toUriString()
                + "#comment-" + commentId;
    }

    public String nextPage() {
        return UriComponentsBuilder.fromUriString(link(state)).queryParam("before", next).build().toUriString();
    }

    static String queueLink(String state, Long articleId) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/newsroom/comments").queryParam("state", state);
        if (articleId != null) {
            uri.queryParam("article", articleId);
        }
        return uri.build().toUriString();
    }

    public static String label(String state) {
        return switch (state) {
            case "pending" -> "Pending";
            case "approved" -> "Approved";
            case "spam" -> "Spam";
            case "trash" -> "Trash";
            default -> state;
        };
    }

    public static String actionLabel(String action, String fromState) {
        return switch (action) {
            case "approve" -> "Approve";
            case "spam" -> "Spam";
            case "trash" -> "Trash";
            case "restore" -> "spam".equals(fromState) ? "Not spam" : "Restore";
            default -> action;
        };
    }

    /** What may be done to a comment in this state, one button each. */
    public static List<String> actionsFor(String state) {
        return switch (state) {
            case "pending" -> List.of("approve", "spam", "trash");
            case "approved" -> List.of("spam", "trash");
            case "spam" -> List.of("approve", "restore", "trash");
            case "trash" -> List.of("restore");
            default -> List.of();
        };
    }
}
