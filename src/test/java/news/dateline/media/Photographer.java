package news.dateline.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A newsroom member using the library's API as the newsroom's pages do: signed in through the login form, the
 * session's CSRF token (from a newsroom page) in the {@code X-CSRF-TOKEN} header. Also fetches files as bytes,
 * as a reader's browser would. Public for the journeys of other features that show pictures (feeds).
 */
public final class Photographer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String session;
    private final String csrf;

    private Photographer(String base, String session, String csrf) {
        this.base = base;
        this.session = session;
        this.csrf = csrf;
    }

    public static Photographer as(RunningSite site, String role) {
        String username = TestAccounts.create(site, role);
        SiteClient client = site.site().signIn(username, TestAccounts.PASSWORD);
        String csrf = client.get("/newsroom").html().select("input[name=_csrf]").attr("value");
        return new Photographer(client.base(), client.cookie("JSESSIONID"), csrf);
    }

    public record Answer(int status, String contentType, byte[] body, HttpResponse<byte[]> response) {
        public JsonNode json() {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Answer upload(String filename, byte[] bytes, Map<String, String> fields) {
        String boundary = "----photo" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/media")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A new file for a library picture through the API ({@code POST /api/v1/media/{id}/file}). */
    Answer replaceFile(long id, String filename, byte[] bytes) {
        String boundary = "----file" + Long.toHexString(System.nanoTime());
        return send(request("/api/v1/media/" + id + "/file")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofByteArray(onePart(boundary, filename, bytes))));
    }

    /** A new file for a library picture through its page's form (the token in the address, as the form has it). */
    Answer replaceThroughTheForm(long id, String filename, byte[] bytes) {
        String boundary = "----file" + Long.toHexString(System.nanoTime());
        return send(request("/newsroom/media/" + id + "/file?_csrf=" + csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofByteArray(onePart(boundary, filename, bytes))));
    }

    private static byte[] onePart(String boundary, String filename, byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** An upload that must be taken (201, or 200 for bytes already in the library): its item. */
    public JsonNode uploaded(String filename, byte[] bytes, Map<String, String> fields) {
        Answer answer = upload(filename, bytes, fields);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new AssertionError("Upload of " + filename + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.json();
    }

    /** The newsroom's upload form: several files in one multipart body, the token in the address as the form has it. */
    Answer uploadThroughTheForm(Map<String, byte[]> files) {
        String boundary = "----form" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/newsroom/media?_csrf=" + csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A newsroom form post (the CSRF token added). */
    public Answer post(String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder("_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        fields.forEach((name, value) -> form.append('&').append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public org.jsoup.nodes.Document page(String path) {
        return org.jsoup.Jsoup.parse(get(path).text(), base + path);
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A reader's request: no session. */
    public static Answer anonymous(String base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Waits (at most 30 s) until the item is no longer pending, and answers it. */
    public JsonNode whenMade(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode item = get("/api/v1/media/" + id).json();
            if (!item.get("state").asString().equals("pending") || System.nanoTime() > deadline) {
                return item;
            }
            Thread.sleep(50);
        }
    }

    public String base() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session);
    }

    private Answer send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
