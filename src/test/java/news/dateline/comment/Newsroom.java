package news.dateline.comment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import news.dateline.support.SiteClient;
import news.dateline.support.TestAccounts;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff member's session: signs in through the real form login, then calls the moderation API with the
 * session's CSRF token in the X-CSRF-TOKEN header, as the newsroom's pages will.
 */
final class Newsroom {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    private Newsroom(SiteClient site) {
        this.base = site.base();
    }

    /** Not signed in: what a stranger gets from the API. */
    static Newsroom anonymous(SiteClient site) {
        return new Newsroom(site);
    }

    static Newsroom signIn(SiteClient site, String username) {
        Newsroom newsroom = new Newsroom(site);
        String loginToken = newsroom.csrfTokenOn("/newsroom/login");
        HttpResponse<String> login = newsroom.send(HttpRequest.newBuilder(URI.create(newsroom.base + "/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Reader.encode(java.util.Map.of(
                        "username", username, "password", TestAccounts.PASSWORD, "_csrf", loginToken)))));
        if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/newsroom")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + login.statusCode() + " "
                    + login.headers().firstValue("Location").orElse(""));
        }
        newsroom.csrf = newsroom.csrfTokenOn("/newsroom");
        return newsroom;
    }

    Answer get(String path) {
        return answer(send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()));
    }

    Answer post(String path) {
        return post(path, "");
    }

    Answer post(String path, String json) {
        return call("POST", path, json, true);
    }

    Answer put(String path, String json) {
        return call("PUT", path, json, true);
    }

    Answer patch(String path, String json) {
        return call("PATCH", path, json, true);
    }

    Answer postWithoutCsrf(String path) {
        return call("POST", path, "", false);
    }

    private Answer call(String method, String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return answer(send(request));
    }

    record Answer(int status, JsonNode json, String contentType) {
    }

    private static Answer answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean isJson = type.startsWith("application/json") || type.startsWith("application/problem+json");
        JsonNode json = isJson && !response.body().isEmpty()
                ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), json, type);
    }

    private String csrfTokenOn(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        return Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
