package news.dateline.comment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;

/**
 * One reader's browser without a script engine: its own cookie jar, its own address (sent as X-Forwarded-For from
 * loopback, which the test configuration, src/test/resources/config/application.properties, lists as a trusted
 * proxy; the application itself trusts none by default), and forms posted from the site's own pages (Origin set).
 */
final class Reader {

    private final String base;
    private final String ip;
    private final CookieManager cookies;
    private final HttpClient http;

    Reader(SiteClient site, String ip) {
        this.base = site.base();
        this.ip = ip;
        this.cookies = new CookieManager();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private Reader(Reader browser, String ip) {
        this.base = browser.base;
        this.ip = ip;
        this.cookies = browser.cookies;
        this.http = browser.http;
    }

    /** The same browser seen from another address (a phone moving between networks), for tests posting a lot. */
    Reader from(String otherIp) {
        return new Reader(this, otherIp);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A reader address no other reader in this test run has (documentation range 198.18.0.0/15). */
    static String someIp() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", ip).GET());
    }

    Page post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of("Origin", base));
    }

    Page post(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);
        return send(request);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue)
                .findFirst();
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            return new Page(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fields of a Leave A Reply form, as a reader fills it in. */
    static final class Fields {

        private final Map<String, String> values = new LinkedHashMap<>();

        static Fields comment(String text) {
            Fields fields = new Fields();
            fields.values.put("comment", text);
            return fields;
        }

        Fields by(String name, String email) {
            values.put("author", name);
            values.put("email", email);
            return this;
        }

        Fields website(String url) {
            values.put("url", url);
            return this;
        }

        Fields replyingTo(long parentId) {
            values.put("parent", Long.toString(parentId));
            return this;
        }

        Fields remember() {
            values.put("remember", "yes");
            return this;
        }

        Fields stamp(String stamp) {
            values.put("stamp", stamp);
            return this;
        }

        Fields with(String field, String value) {
            values.put(field, value);
            return this;
        }

        Map<String, String> map() {
            return values;
        }
    }
}
