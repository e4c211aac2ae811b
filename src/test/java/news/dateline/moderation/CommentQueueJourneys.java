package news.dateline.moderation;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The newsroom's comment moderation screen, over the comment feature's own rules. */
interface CommentQueueJourneys extends RunningSite {

    AtomicInteger READERS = new AtomicInteger(10);

    @Test
    default void moderatorApprovesAPendingCommentFromTheQueue() {
        Written story = story(this, "Harbour bridge reopens").write();
        long id = heldComment(story, "Finally! Took them long enough.");
        assertThat(site().get(story.path()).html().select(".comment-list, #comments").text())
                .doesNotContain("Took them long enough");

        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Document queue = editor.get("/newsroom/comments?state=pending&article=" + story.id()).html();
        assertThat(queue.select("#comment-" + id + " .queued-body").text()).isEqualTo("Finally! Took them long enough.");
        assertThat(queue.select("#comment-" + id).text()).contains("Harbour bridge reopens").doesNotContain("203.0.113");
        assertThat(queue.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Pending (1)");

        Page approved = editor.post("/newsroom/comments/" + id + "/approve", "state", "pending",
                "article", Long.toString(story.id()));
        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.header("Location")).endsWith("/newsroom/comments?state=pending&article=" + story.id());
        Document after = editor.get(approved.header("Location")).html();
        assertThat(after.select(".notice").text()).isEqualTo("Comment #" + id + " approved.");
        assertThat(after.select("#comment-" + id)).isEmpty();
        assertThat(after.select("nav.tabs").text()).contains("Pending (0)", "Approved (1)");
        // The reader's page, served from the cache a moment ago, shows it now.
        assertThat(site().get(story.path()).html().select("#comment-" + id).text()).contains("Took them long enough");

        // A reply from the queue is public at once, signed by the newsroom.
        Page replied = editor.post("/newsroom/comments/" + id + "/reply", "body", "Thanks for reading.",
                "state", "approved");
        assertThat(replied.status()).isEqualTo(303);
        assertThat(editor.get(replied.header("Location")).html().select(".notice").text())
                .matches("Reply #\\d+ published under comment #" + id + "\\.");
        assertThat(site().get(story.path()).html().text()).contains("Thanks for reading.");
        // An empty reply is refused beside the box, nothing stored.
        Page empty = editor.post("/newsroom/comments/" + id + "/reply", "body", " ", "state", "approved");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#comment-" + id + " .field-error").text()).isEqualTo("Please enter your comment!");

        // Approving twice is not possible; the screen says why instead of failing.
        Page again = editor.post("/newsroom/comments/" + id + "/approve", "state", "approved");
        assertThat(editor.get(again.header("Location")).html().select(".notice.problem").text())
                .contains("A comment that is approved cannot be approved");
    }

    @Test
    default void bulkSpamMovesAllSelected() {
        Written story = story(this, "Cheap flights scandal").write();
        long first = heldComment(story, "Buy watches at my site");
        long second = heldComment(story, "Best pills online");
        long keep = heldComment(story, "A real question about the fares.");

        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Page done = editor.post("/newsroom/comments/bulk", "action", "spam", "ids", Long.toString(first),
                "ids", Long.toString(second), "state", "pending", "article", Long.toString(story.id()));
        assertThat(done.status()).isEqualTo(303);
        Document queue = editor.get(done.header("Location")).html();
        assertThat(queue.select(".notice").first().text()).isEqualTo("2 comments marked as spam.");
        assertThat(queue.select(".queue > li")).extracting(e -> e.id()).containsExactly("comment-" + keep);
        assertThat(stateOf(first)).isEqualTo("spam");
        assertThat(stateOf(second)).isEqualTo("spam");
        assertThat(stateOf(keep)).isEqualTo("pending");
        Document spam = editor.get("/newsroom/comments?state=spam&article=" + story.id()).html();
        assertThat(spam.select(".queue > li")).hasSize(2);

        // Nothing selected: told so, nothing moved.
        Page none = editor.post("/newsroom/comments/bulk", "action", "trash", "state", "pending");
        assertThat(editor.get(none.header("Location")).html().select(".notice.problem").text())
                .contains("Select at least one comment first.");
        assertThat(stateOf(keep)).isEqualTo("pending");
        // Authors do not moderate.
        assertThat(NewsroomForms.as(this, "author").post("/newsroom/comments/bulk", "action", "trash",
                "ids", Long.toString(keep)).status()).isEqualTo(403);
        assertThat(stateOf(keep)).isEqualTo("pending");
    }

    /** A reader's comment sent without the form's time stamp: the spam rules hold it for a moderator. */
    private long heldComment(Written story, String text) {
        String ip = "198.51.100." + READERS.incrementAndGet() % 250;
        Page posted = site().postForm(story.path() + "/comments", Map.of("comment", text, "author", "Reader " + ip,
                "email", "reader" + System.nanoTime() + "@example.com", "url", ""), "X-Forwarded-For", ip);
        assertThat(posted.status()).isEqualTo(303);
        return bean(JdbcClient.class).sql("SELECT id FROM comment WHERE article_id = :a AND body = :b")
                .param("a", story.id()).param("b", text).query(Long.class).single();
    }

    private String stateOf(long commentId) {
        return bean(JdbcClient.class).sql("SELECT state FROM comment WHERE id = :id").param("id", commentId)
                .query(String.class).single();
    }
}
