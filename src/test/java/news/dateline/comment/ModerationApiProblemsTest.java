package news.dateline.comment;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import news.dateline.comment.Newsroom.Answer;
import news.dateline.comment.Reader.Fields;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * How the API answers a refusal (platform.ApiProblems, for every @ApiEndpoint; here the moderation API): RFC 9457
 * {@code application/problem+json} with {@code type}, {@code title}, {@code status} and {@code detail}, and the
 * field messages in {@code errors}. A body that is not JSON, a path that is not a number and a missing session are
 * answered the same way. The answer does not depend on the database, so SQLite alone.
 */
class ModerationApiProblemsTest extends SqliteSite {

    @Test
    void aCommentThatDoesNotExistIs404ProblemJson() {
        Newsroom editor = Newsroom.signIn(site(), TestAccounts.create(this, "editor"));

        Answer missing = editor.get("/api/v1/comments/999999999");

        assertProblem(missing, 404, "Not Found", "No comment with id 999999999");
        assertThat(missing.json().has("errors")).as("no field to blame").isFalse();
        assertProblem(editor.post("/api/v1/comments/999999999/approve"), 404, "Not Found",
                "No comment with id 999999999");
    }

    @Test
    void invalidTextIs422ProblemJsonWithTheMessageBesideEachField() {
        Newsroom editor = Newsroom.signIn(site(), TestAccounts.create(this, "editor"));
        long id = aComment("Will the ferry run on Sunday?");

        Answer invalid = editor.patch("/api/v1/comments/" + id, "{\"body\": \" \", \"authorUrl\": \"javascript:x\"}");

        assertProblem(invalid, 422, "Unprocessable Content", CommentMessages.API_INVALID);
        assertThat(invalid.json().get("errors").get("body").asString()).isEqualTo("Please enter your comment!");
        assertThat(invalid.json().get("errors").get("authorUrl").asString()).startsWith("Please enter a website");

        editor.post("/api/v1/comments/" + id + "/approve");
        assertProblem(editor.post("/api/v1/comments/" + id + "/approve"), 409, "Conflict",
                "A comment that is approved cannot be approved");
    }

    @Test
    void malformedRequestsAre400ProblemJson() {
        Newsroom editor = Newsroom.signIn(site(), TestAccounts.create(this, "editor"));
        long id = aComment("Is the harbour path open again?");

        assertProblem(editor.patch("/api/v1/comments/" + id, "{\"body\": "), 400, "Bad Request",
                "The request body is not the JSON this endpoint expects");
        assertProblem(editor.get("/api/v1/comments/abc"), 400, "Bad Request", "'abc' is not a valid id");
        assertProblem(editor.get("/api/v1/comments?state=lost"), 400, "Bad Request",
                "Unknown state 'lost': use pending, approved, spam or trash");
    }

    @Test
    void withoutASessionOrTheRoleTheAnswerIsProblemJsonToo() {
        assertProblem(Newsroom.anonymous(site()).get("/api/v1/comments"), 401, "Unauthorized",
                "Sign in to the newsroom first");
        assertProblem(Newsroom.signIn(site(), TestAccounts.create(this, "author")).get("/api/v1/comments"), 403,
                "Forbidden", "Your role may not do this");
    }

    private static void assertProblem(Answer answer, int status, String title, String detail) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode json = answer.json();
        assertThat(json.get("type").asString()).isEqualTo("about:blank");
        assertThat(json.get("title").asString()).isEqualTo(title);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asString()).isEqualTo(detail);
    }

    private long aComment(String text) {
        Written article = story(this, "Ferry timetable changes").write();
        new Reader(site(), Reader.someIp()).post(article.path() + "/comments", Fields.comment(text)
                .by("Noor", "noor." + System.nanoTime() + "@example.com")
                .stamp(bean(FormStamp.class).stampFor(article.id(), bean(java.time.Clock.class).instant().minusSeconds(60))).map());
        return bean(JdbcClient.class).sql("SELECT id FROM comment WHERE article_id = :a AND body = :b")
                .param("a", article.id()).param("b", text).query(Long.class).single();
    }
}
