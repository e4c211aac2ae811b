package news.dateline.platform;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder.Written;
import org.junit.jupiter.api.Test;

/**
 * How bytes leave the server: scripts and stylesheets compressed (from files gzipped at build time, so with a
 * length and no work per request), the same bytes once uncompressed, and HTTP/2 for a client that asks for it over
 * plain HTTP (h2c, as a reverse proxy would).
 */
class HttpDeliveryTest extends SqliteSite {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void scriptsAndStylesheetsGoOutGzippedFromBuildTimeFilesWithTheSameBytesInside() throws Exception {
        Written written = story(this, "A story with a comment form").write();
        var page = site().get(written.path()).html();
        String script = page.select("script[src*=comment-form]").attr("src");
        String stylesheet = page.select("link[rel=stylesheet][href*=site]").attr("href");
        assertThat(script).isNotEmpty();
        assertThat(stylesheet).isNotEmpty();

        for (String asset : new String[] {script, stylesheet}) {
            HttpResponse<byte[]> plain = get(asset, null);
            HttpResponse<byte[]> gzipped = get(asset, "br, gzip, deflate");
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
            assertThat(gzipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
            assertThat(gzipped.headers().firstValueAsLong("Content-Length"))
                    .as("a file compressed at build time has a length; Tomcat's on-the-fly compression has none")
                    .hasValue(gzipped.body().length);
            assertThat(gzipped.body().length).isLessThan(plain.body().length);
            assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
            assertThat(gzipped.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
        }
    }

    @Test
    void aClientAskingForHttp2OverPlainHttpGetsIt() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> first = h2c.send(HttpRequest.newBuilder(URI.create(site().base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = h2c.send(HttpRequest.newBuilder(URI.create(site().base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.version()).as("after the h2c upgrade").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(second.body()).isEqualTo(first.body());

        // a POST that asks to upgrade is answered in HTTP/1.1, whole: not refused for a body over 4 KB
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> search = fresh.send(HttpRequest.newBuilder(URI.create(site().base() + "/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=" + "y".repeat(10_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).as("a large form through a client that tries h2c").isNotEqualTo(413);
        assertThat(search.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void oneConnectionCarriesAFrontCachesManyRequestsWithoutBeingClosed() throws Exception {
        // Tomcat closes a connection after 100 requests by default: a front cache or a busy reader's browser then
        // pays a new TCP handshake every 100 pages, a fifth of a page-cache hit's cost (docs/benchmarks.md).
        URI base = URI.create(site().base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= 900; i++) {
                socket.getOutputStream().write(("HEAD / HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String head = readHead(in);
                assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(java.util.Locale.ROOT)).as("response %d", i)
                        .doesNotContain("connection: close");
            }
        }
    }

    /** A response's status line and headers, up to the blank line (a HEAD answer has nothing after it). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site().base() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
