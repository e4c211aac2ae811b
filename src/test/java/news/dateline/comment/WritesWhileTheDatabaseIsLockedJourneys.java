package news.dateline.comment;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.comment.Reader.Fields;
import news.dateline.platform.StoreBusy;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another process (a backup, an import, a second server by mistake) holds SQLite's write lock for longer than the
 * site is willing to wait. A write in that time must give its true answer, not stored and said so, and once the
 * lock is gone every write must be whole again: no 500s, nothing stored behind an error page, no half a save.
 */
interface WritesWhileTheDatabaseIsLockedJourneys extends RunningSite {

    @Test
    default void aCommentPostedWhileTheDatabaseIsLockedIsRefusedWith503AndKeptThenStoredOnceTheLockIsGone() throws Exception {
        Written article = story(this, "Ferry strike enters its second week").write();
        Reader reader = new Reader(site(), Reader.someIp());
        String text = "The ferries were full of commuters before the strike.\n\nWhat now?";

        Page refused;
        try (Connection other = holdWriteLock()) {
            refused = reader.post(article.path() + "/comments", fields(article, text, "Ines Varga"));
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(CommentJourneys.textareaValue(refused.html())).isEqualTo(text);
        assertThat(refused.html().select("#author").val()).isEqualTo("Ines Varga");
        assertThat(refused.html().select(".form-error").text()).isEqualTo(CommentMessages.STORE_BUSY);
        assertThat(stored(article)).isZero();

        for (int i = 1; i <= 6; i++) {
            Page sent = reader.post(article.path() + "/comments", fields(article, text + " (try " + i + ")", "Ines Varga"));
            assertThat(sent.status()).as("post %d after the lock", i).isEqualTo(303);
            assertThat(stored(article)).as("stored after post %d", i).isEqualTo(i);
        }
    }

    @Test
    default void afterALockTimeoutEveryNewsroomSaveAndEveryTransactionIsWholeAgain() throws Exception {
        String username = TestAccounts.create(this, "editor");
        SiteClient desk = site().signIn(username, TestAccounts.PASSWORD);
        String csrf = desk.get("/newsroom/articles/new").html().select("meta[name=csrf-token]").attr("content");

        Page refused;
        try (Connection other = holdWriteLock()) {
            refused = desk.postForm("/newsroom/articles", draft("Harbour cranes idle as the lock holds", csrf));
        }
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(articlesHeadlined("Harbour cranes idle as the lock holds")).isZero();

        for (int i = 1; i <= 4; i++) {
            String headline = "Harbour cranes move again, save " + i;
            Page saved = desk.postForm("/newsroom/articles", draft(headline, csrf));
            assertThat(saved.status()).as("save %d after the lock", i).isIn(302, 303);
            assertThat(articlesHeadlined(headline)).isEqualTo(1);
        }

        // A transaction that fails half-way leaves nothing behind, whichever pooled connection it gets.
        TransactionTemplate transaction = new TransactionTemplate(bean(PlatformTransactionManager.class));
        JdbcClient jdbc = bean(JdbcClient.class);
        for (int i = 0; i < 8; i++) {
            String kind = "lock-test-" + i;
            try {
                transaction.executeWithoutResult(status -> {
                    jdbc.sql("INSERT INTO change_log (article_id, kind, created_at) VALUES (NULL, :k, :t)")
                            .param("k", kind).param("t", Instant.now().toEpochMilli()).update();
                    throw new IllegalStateException("the second half of the save fails");
                });
            } catch (IllegalStateException expected) {
                // the point of the exercise
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM change_log WHERE kind = :k").param("k", kind)
                    .query(Long.class).single()).as("rolled back: " + kind).isZero();
        }
    }

    @Test
    default void aWriteThatIsNoFormWhileTheDatabaseIsLockedIs503OnEachSurfacesOwnTerms() throws Exception {
        Written article = story(this, "Harbour wall repairs begin").write();
        String text = "Will the harbour wall be finished by the summer?";
        assertThat(reader().post(article.path() + "/comments", fields(article, text, "Ada Brenner")).status()).isEqualTo(303);
        long id = bean(JdbcClient.class).sql("SELECT id FROM comment WHERE article_id = :a")
                .param("a", article.id()).query(Long.class).single();
        String username = TestAccounts.create(this, "editor");
        SiteClient queue = site().signIn(username, TestAccounts.PASSWORD);
        String csrf = queue.get("/newsroom/articles/new").html().select("meta[name=csrf-token]").attr("content");
        Newsroom api = Newsroom.signIn(site(), username);
        String stateBefore = stateOf(id);

        Page page;
        Page autosave;
        Newsroom.Answer problem;
        try (Connection other = holdWriteLock()) {
            page = queue.postForm("/newsroom/comments/" + id + "/trash", Map.of("state", "pending", "_csrf", csrf));
            autosave = queue.postForm("/newsroom/articles/autosave", draft("Harbour wall, typed while locked", csrf));
            problem = api.post("/api/v1/comments/" + id + "/trash");
        }

        assertThat(page.status()).as("the newsroom's page").isEqualTo(503);
        assertThat(page.header("Retry-After")).isNotBlank();
        assertThat(page.html().select("header.nr-bar")).as("in the newsroom's layout").hasSize(1);
        assertThat(page.html().select(".notice.problem").text()).isEqualTo(StoreBusy.MESSAGE);

        assertThat(autosave.status()).as("the editor's background save").isEqualTo(503);
        assertThat(autosave.header("Retry-After")).isNotBlank();
        assertThat(autosave.header("Content-Type")).startsWith("application/json");
        assertThat(autosave.body()).isEqualTo("{\"error\":\"" + StoreBusy.MESSAGE + "\"}");

        assertThat(problem.status()).as("the API").isEqualTo(503);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.json().get("detail").asString()).isEqualTo(StoreBusy.MESSAGE);

        assertThat(stateOf(id)).as("nothing moved").isEqualTo(stateBefore);
        assertThat(articlesHeadlined("Harbour wall, typed while locked")).isZero();
    }

    /**
     * A second connection to the same database, as another process would open it, holding the lock that comment
     * and article writes need (readers go on reading). Closing it ends its transaction and frees the lock.
     */
    Connection holdWriteLock() throws SQLException;

    default Map<String, String> fields(Written article, String text, String name) {
        return Fields.comment(text).by(name, "ines." + System.nanoTime() + "@example.com")
                .stamp(bean(FormStamp.class).stampFor(article.id(), bean(java.time.Clock.class).instant().minusSeconds(60))).map();
    }

    static Map<String, String> draft(String headline, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("headline", headline, "standfirst", "Standfirst.",
                "section", "1", "slug", "", "tags", "", "body", "The cranes stood still.", "dateline", "",
                "source", ""));
        fields.put("action", "save");
        fields.put("_csrf", csrf);
        return fields;
    }

    default Reader reader() {
        return new Reader(site(), Reader.someIp());
    }

    default String stateOf(long commentId) {
        return bean(JdbcClient.class).sql("SELECT state FROM comment WHERE id = :id").param("id", commentId)
                .query(String.class).single();
    }

    default long stored(Written article) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM comment WHERE article_id = :a")
                .param("a", article.id()).query(Long.class).single();
    }

    default long articlesHeadlined(String headline) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article WHERE headline = :h").param("h", headline)
                .query(Long.class).single();
    }
}
