package news.dateline.interchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.interchange.ImportRepository.ImportedComment;
import news.dateline.interchange.WxrRecords.Comment;

/**
 * One post's comments: states, pingbacks and trackbacks, and threads. A comment with a bad field is reported and
 * skipped; a comment already imported (same post key and comment id) is left as it is.
 */
final class CommentImport {

    /** Our comments are plain text; the HTML WordPress wants is escaped, the exact text travels here. */
    static final String COMMENT_TEXT_META = "_dateline_text";

    private final ImportRepository repo;
    private final ImportSummary summary;
    private final Instant now;

    CommentImport(ImportRepository repo, ImportSummary summary, Instant now) {
        this.repo = repo;
        this.summary = summary;
        this.now = now;
    }


    void importAll(List<Comment> comments, String postKey, long articleId, String post) {
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, String> parents = new LinkedHashMap<>();
        for (Comment c : comments) {
            String key = postKey + "#comment-" + c.commentId().strip();
            Optional<Long> known = repo.mapped("comment", key);
            if (known.isPresent()) {
                summary.unchanged("comments");
                ids.put(c.commentId().strip(), known.get());
                continue;
            }
            String state = switch (c.approved().strip()) {
                case "1", "approve", "approved" -> "approved";
                case "0", "hold" -> "pending";
                case "spam" -> "spam";
                case "trash", "post-trashed" -> "trash";
                default -> null;
            };
            Instant date;
            long wpId;
            try {
                wpId = WxrFields.wpNumber(c.commentId(), "comment id");
                date = WxrFields.date(c.dateGmt(), c.date());
                if (date == null) {
                    throw new WxrFields.BadField("no date");
                }
            } catch (WxrFields.BadField e) {
                summary.skipped("comment: " + e.getMessage(), "comment " + c.commentId() + " on " + post);
                continue;
            }
            if (state == null) {
                summary.skipped("comment with approval '" + c.approved().strip() + "'",
                        "comment " + c.commentId() + " on " + post);
                continue;
            }
            String kind = switch (c.type().strip()) {
                case "pingback" -> "pingback";
                case "trackback" -> "trackback";
                default -> "comment";
            };
            String name = c.author().strip().isEmpty() ? "Anonymous" : c.author().strip();
            long id = repo.insertComment(articleId, new ImportedComment(state, kind, name, c.email().strip(),
                    c.url().strip(), c.meta().containsKey(COMMENT_TEXT_META) ? c.meta().get(COMMENT_TEXT_META)
                            : HtmlToText.of(c.content()), c.ip().strip(), date));
            repo.map("comment", key, wpId, null, id, now);
            summary.imported("comments");
            ids.put(c.commentId().strip(), id);
            if (!c.parent().isBlank() && !"0".equals(c.parent().strip())) {
                parents.put(id, c.parent().strip());
            }
        }
        // Threads are linked once the post's comments are all in: a reply may come before its parent.
        parents.forEach((id, parent) -> {
            Long parentId = ids.get(parent);
            if (parentId == null) {
                parentId = repo.mapped("comment", postKey + "#comment-" + parent).orElse(null);
            }
            if (parentId != null) {
                repo.setCommentParent(id, parentId);
            } else {
                summary.note("reply to a comment not in the file kept as a top-level comment");
            }
        });
    }
}
