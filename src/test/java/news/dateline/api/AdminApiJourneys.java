package news.dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import news.dateline.support.RunningSite;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API at /api/v1/admin, as a newsroom system would use it with a token an admin made on the tokens
 * screen, through the running server on each database: the same rules as the editor, and nothing half-written.
 */
interface AdminApiJourneys extends RunningSite {

    JsonMapper JSON = JsonMapper.builder().build();
    HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private static String unique(String text) {
        return text + " " + Long.toString(System.nanoTime(), 36);
    }

    @Test
    default void anAdminTokenPublishesAStoryThatAppearsOnTheSite() {
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        String name = unique("Newsroom system");
        String token = makeToken(admin, name, "admin");
        assertThat(token).startsWith("dl_");
        assertThat(admin.get("/newsroom/tokens").html().select("#new-token")).as("shown once").isEmpty();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :t OR prefix = :t")
                .param("t", token).query(Long.class).single()).as("never stored as it is").isZero();

        String headline = unique("Tram line opens to the airport");
        Answer created = send("POST", "/api/v1/admin/stories", token, null, """
                {"headline": "%s", "standfirst": "Services start at five.", "section": "world",
                 "body": "The first tram left at **05:00**.", "tags": ["Transport"], "authors": ["amara-osei"]}"""
                .formatted(headline));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        String path = created.json().get("path").asString();
        assertThat(site().get(path).status()).isEqualTo(404);

        Answer published = send("POST", "/api/v1/admin/stories/" + id + "/publish", token, null, "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("published");
        assertThat(site().get(path).html().select("h1").text()).isEqualTo(headline);
        assertThat(site().get("/api/v1/stories/" + id).status()).isEqualTo(200);

        assertThat(jdbc().sql("SELECT action FROM audit_event WHERE actor = :who ORDER BY id")
                .param("who", "token:" + name).query(String.class).list())
                .containsExactly("api-write", "story-published");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM article_revision WHERE article_id = :id")
                .param("id", id).query(Long.class).single()).as("a revision per write, as from the editor")
                .isEqualTo(2);
        assertThat(admin.get("/newsroom/tokens").html().select("#tokens tr:contains(" + name + ") .last-used")
                .text()).isNotEqualTo("never");

        long tokenId = jdbc().sql("SELECT id FROM api_token WHERE name = :n").param("n", name)
                .query(Long.class).single();
        assertThat(admin.post("/newsroom/tokens/" + tokenId + "/revoke", Map.of()).status()).isEqualTo(302);
        Answer revoked = send("POST", "/api/v1/admin/stories/" + id + "/unpublish", token, null, "");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(site().get(path).status()).as("still published").isEqualTo(200);
        assertThat(jdbc().sql("SELECT action FROM audit_event WHERE subject = :n ORDER BY id").param("n", name)
                .query(String.class).list()).containsExactly("api-token-created", "api-token-revoked");
    }

    @Test
    default void aContributorTokenCannotPublishAndNothingChanges() {
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        String token = makeToken(admin, unique("Stringer feed"), "contributor");
        Answer created = send("POST", "/api/v1/admin/stories", token, null, """
                {"headline": "%s", "section": "world", "body": "Filed from the coast."}"""
                .formatted(unique("Storm reaches the coast")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long revisions = revisions(id);

        Answer refused = send("POST", "/api/v1/admin/stories/" + id + "/publish", token, null, "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).startsWith("Contributors write drafts");
        assertThat(jdbc().sql("SELECT status FROM article WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("draft");
        assertThat(revisions(id)).isEqualTo(revisions);
        assertThat(site().get(created.json().get("path").asString()).status()).isEqualTo(404);
    }

    @Test
    default void aStaleIfMatchAnswers412AndChangesNothing() {
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        String token = makeToken(admin, unique("Two desks"), "editor");
        String headline = unique("Budget vote delayed");
        long id = send("POST", "/api/v1/admin/stories", token, null, """
                {"headline": "%s", "section": "world", "body": "The vote moves to Friday."}"""
                .formatted(headline)).json().get("id").asLong();
        Answer read = send("GET", "/api/v1/admin/stories/" + id, token, null, null);
        String version = read.header("ETag");
        assertThat(version).isEqualTo("\"" + read.json().get("version").asLong() + "\"");

        Answer first = send("PATCH", "/api/v1/admin/stories/" + id, token, version, """
                {"headline": "%s (first desk)"}""".formatted(headline));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String current = first.header("ETag");
        assertThat(current).isNotEqualTo(version);

        Answer second = send("PATCH", "/api/v1/admin/stories/" + id, token, version, """
                {"headline": "%s (second desk)"}""".formatted(headline));
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat("\"" + second.json().get("errors").get("version").asString() + "\"").isEqualTo(current);
        assertThat(headline(id)).isEqualTo(headline + " (first desk)");

        Answer none = send("PATCH", "/api/v1/admin/stories/" + id, token, null, """
                {"headline": "no version"}""");
        assertThat(none.status()).isEqualTo(428);
        assertThat(headline(id)).isEqualTo(headline + " (first desk)");
    }

    @Test
    default void badRequestsAreRefusedAsProblemsAndWriteNothing() {
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        String token = makeToken(admin, unique("Careless client"), "editor");
        long stories = jdbc().sql("SELECT COUNT(*) FROM article").query(Long.class).single();

        Answer unknown = send("POST", "/api/v1/admin/stories", token, null, """
                {"headlin": "Typo", "section": "world", "body": "x", "colour": "red"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Unknown fields: colour, headlin.");
        assertThat(unknown.json().get("errors").get("headlin").asString()).isEqualTo("Not a field of this endpoint.");

        Answer huge = send("POST", "/api/v1/admin/stories", token, null,
                "{\"headline\": \"Big\", \"section\": \"world\", \"body\": \"" + "x".repeat(600 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        Answer notJson = send("POST", "/api/v1/admin/stories", token, null, "headline=x");
        assertThat(notJson.status()).isEqualTo(400);
        Answer invalid = send("POST", "/api/v1/admin/stories", token, null, """
                {"headline": "", "section": "nowhere", "body": "x"}""");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get("section").asString())
                .isEqualTo("There is no section with the slug \"nowhere\".");
        assertThat(List.of(unknown, huge, notJson, invalid))
                .allSatisfy(a -> assertThat(a.header("Content-Type")).startsWith("application/problem+json"));

        Answer noToken = send("POST", "/api/v1/admin/stories", null, null, "{}");
        assertThat(noToken.status()).isEqualTo(401);
        Answer madeUp = send("POST", "/api/v1/admin/stories", "dl_made-up", null, "{}");
        assertThat(madeUp.status()).isEqualTo(401);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isEqualTo(stories);

        // A made-up Authorization header does not get a reader past the page cache.
        site().get("/");
        assertThat(site().get("/", "Authorization", "Bearer dl_made-up").header("X-Cache")).isEqualTo("hit");
    }

    private String makeToken(StaffSession admin, String name, String role) {
        var made = admin.post("/newsroom/tokens", Map.of("name", name, "role", role));
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        return admin.get("/newsroom/tokens").html().select("#new-token").text();
    }

    private Answer send(String method, String path, String token, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site().base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long revisions(long id) {
        return jdbc().sql("SELECT COUNT(*) FROM article_revision WHERE article_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private String headline(long id) {
        return jdbc().sql("SELECT headline FROM article WHERE id = :id").param("id", id).query(String.class).single();
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }
}
