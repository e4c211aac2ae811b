package news.dateline.platform;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A Prometheus scraper reads /actuator/prometheus with the configured bearer token, or from this machine; from
 * anywhere else (here: through a trusted proxy's X-Forwarded-For) without the token it gets 401, even right
 * after a scrape that worked. Dateline's own meters move when readers, commenters and staff do things.
 */
@TestPropertySource(properties = {
        "dateline.metrics.token=" + MetricsTest.TOKEN,
        "dateline.search.rate-limit.per-minute=3",
        // Tomcat's default, spelled out: loopback is a trusted proxy, so X-Forwarded-For gives a remote address
        "server.tomcat.remoteip.internal-proxies=127\\\\.\\\\d{1,3}\\\\.\\\\d{1,3}\\\\.\\\\d{1,3}|0:0:0:0:0:0:0:1|::1"})
class MetricsTest extends SqliteSite {

    static final String TOKEN = "scrape-token-for-tests";
    private static final String REMOTE = "X-Forwarded-For";

    @Test
    void scrapersWithTheTokenOrOnThisMachineReadMetricsAndNobodyElse() {
        Page local = site().get("/actuator/prometheus");
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("dateline_live_streams_open");

        Page remote = site().get("/actuator/prometheus", REMOTE, "203.0.113.7");
        assertThat(remote.status()).as("no token, not local, right after a local scrape").isEqualTo(401);
        assertThat(remote.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(remote.body()).doesNotContain("dateline_");

        Page wrong = site().get("/actuator/prometheus", REMOTE, "203.0.113.7", "Authorization", "Bearer guess");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(site().get("/actuator/prometheus", REMOTE, "203.0.113.7", "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + TOKEN).getBytes())).status())
                .isEqualTo(401);

        Page scraped = site().get("/actuator/prometheus", REMOTE, "203.0.113.7", "Authorization", "Bearer " + TOKEN);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.header("Content-Type")).startsWith("text/plain");
        assertThat(scraped.body()).contains("# TYPE dateline_live_streams_open gauge", "jvm_memory_used_bytes");

        assertThat(site().get("/actuator/prometheus", REMOTE, "203.0.113.7").status())
                .as("a token scrape is never cached for others").isEqualTo(401);
        assertThat(site().get("/actuator/health", REMOTE, "203.0.113.7").status()).isEqualTo(200);
    }

    @Test
    void healthTellsEveryoneUpOrDownButOnlyThisMachineAndTheTokenWhatIsInside() {
        Page remote = site().get("/actuator/health", REMOTE, "203.0.113.7");
        assertThat(remote.status()).isEqualTo(200);
        assertThat(remote.body()).as("no disk paths, free bytes or database names for strangers")
                .contains("\"status\":\"UP\"").doesNotContain("components", "diskSpace", "path", "free");

        assertThat(site().get("/actuator/health").body()).as("a probe on this machine")
                .contains("\"components\"", "\"db\"", "\"diskSpace\"");
        assertThat(site().get("/actuator/health", REMOTE, "203.0.113.7", "Authorization", "Bearer " + TOKEN).body())
                .as("a monitor elsewhere with the scrape token").contains("\"components\"", "\"db\"");
        assertThat(site().get("/actuator/health", REMOTE, "203.0.113.7", "Authorization", "Bearer guess").body())
                .doesNotContain("components");
        assertThat(site().get("/actuator/health", REMOTE, "203.0.113.7").body())
                .as("a detailed answer is never kept for others").doesNotContain("components");
    }

    @Test
    void commentsAndFailedSignInsAreCountedByOutcome() {
        Written written = story(this, "A story with a comment").write();
        double held = meter("dateline_comments_received_total", "outcome=\"pending\"");
        String stamp = site().get(written.path()).html().select("input[name=stamp]").attr("value");
        Page posted = site().postForm(written.path() + "/comments", Map.of("comment", "A first comment, held.",
                "author", "Reader", "email", "first-time@example.com", "stamp", stamp), REMOTE, "198.51.100.23");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(meter("dateline_comments_received_total", "outcome=\"pending\"")).isEqualTo(held + 1);

        double failures = meter("dateline_signin_failures_total", "reason=\"bad_credentials\"");
        SiteClient guesser = new SiteClient(port());
        String csrf = guesser.get("/newsroom/login").html().select("input[name=_csrf]").attr("value");
        Page refused = guesser.postForm("/newsroom/login", Map.of("username", "admin", "password", "not it",
                "_csrf", csrf), REMOTE, "198.51.100.24");
        assertThat(refused.status()).isIn(200, 302);
        assertThat(meter("dateline_signin_failures_total", "reason=\"bad_credentials\"")).isEqualTo(failures + 1);
    }

    @Test
    void openLiveStreamsAreAGauge() throws Exception {
        Written written = story(this, "Live: the count").write();
        String editor = TestAccounts.create(this, "editor");
        SiteClient desk = site().signIn(editor, TestAccounts.PASSWORD);
        String csrf = desk.get("/newsroom").html().select("input[name=_csrf]").attr("value");
        assertThat(desk.postForm("/newsroom/articles/" + written.id() + "/live/start", Map.of("_csrf", csrf))
                .status()).isEqualTo(303);
        double before = meter("dateline_live_streams_open", "");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(site().base() + "/live/" + written.id() + "/events")).header("Accept",
                        "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<Stream<String>> open = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(meter("dateline_live_streams_open", "")).isEqualTo(before + 1);
            open.body().close();
        } finally {
            http.shutdownNow();
        }
    }

    @Test
    void aPageServedFromTheCacheIsAHitAndAnHttpRequestOfItsRoute() {
        Written written = story(this, "A story read twice").write();
        String route = "status=\"200\",uri=\"/{section:(?U)[\\\\w-]+}/{slug:(?U)[\\\\w-]+}\"";
        double hits = meter("dateline_page_cache_requests_total", "result=\"hit\"");
        double misses = meter("dateline_page_cache_requests_total", "result=\"miss\"");
        double requests = meter("http_server_requests_seconds_count", route);

        assertThat(site().get(written.path()).status()).isEqualTo(200);
        Page again = site().get(written.path());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("A story read twice");

        assertThat(meter("dateline_page_cache_requests_total", "result=\"miss\"")).isEqualTo(misses + 1);
        assertThat(meter("dateline_page_cache_requests_total", "result=\"hit\"")).isEqualTo(hits + 1);
        assertThat(meter("http_server_requests_seconds_count", route))
                .as(() -> "the cached answer is a request of the article route too; the scrape has "
                        + site().get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body().lines()
                                .filter(line -> line.startsWith("http_server_requests_seconds_count")).toList())
                .isEqualTo(requests + 2);
        assertThat(meter("dateline_page_cache_bytes", "")).isPositive();
        assertThat(meter("dateline_page_cache_pages", "")).isPositive();
        assertThat(site().get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body())
                .contains("dateline_page_cache_evictions_total", "dateline_page_render_seconds_count{page=\"article\"");
    }

    @Test
    void searchesPastTheRateLimitAreCountedAsRefusals() {
        double before = meter("dateline_ratelimit_refusals_total", "limit=\"search\"");
        for (int i = 0; i < 3; i++) {
            assertThat(site().get("/search?q=flood", REMOTE, "198.51.100.77").status()).isEqualTo(200);
        }
        assertThat(site().get("/search?q=flood", REMOTE, "198.51.100.77").status()).isEqualTo(429);
        assertThat(meter("dateline_ratelimit_refusals_total", "limit=\"search\"")).isEqualTo(before + 1);
        assertThat(site().get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body())
                .as("the comment limits are there before anyone reaches them")
                .contains("dateline_ratelimit_refusals_total{limit=\"comment_address\"}");
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsInAScrape() throws Exception {
        Written written = story(this, "A story for the dashboard").write();
        site().get(written.path());
        site().get(written.path());
        String stamp = site().get(written.path()).html().select("input[name=stamp]").attr("value");
        site().postForm(written.path() + "/comments", Map.of("comment", "A comment for the dashboard.",
                "author", "Reader", "email", "dashboard@example.com", "stamp", stamp), REMOTE, "198.51.100.31");
        SiteClient guesser = new SiteClient(port());
        String csrf = guesser.get("/newsroom/login").html().select("input[name=_csrf]").attr("value");
        guesser.postForm("/newsroom/login", Map.of("username", "admin", "password", "not it", "_csrf", csrf),
                REMOTE, "198.51.100.32");

        var dashboard = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(java.nio.file.Path.of("deploy/grafana/dateline.json").toFile());
        java.util.Set<String> names = new java.util.TreeSet<>();
        Pattern metric = Pattern.compile("([a-z_][a-z0-9_]*)\\{|label_values\\(([a-z_][a-z0-9_]*)");
        for (var query : dashboard.findValues("expr")) {
            Matcher m = metric.matcher(query.asString());
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        for (var query : dashboard.findValues("query")) {
            Matcher m = metric.matcher(query.asString());
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(names).as("the dashboard queries Dateline's own meters").contains("dateline_page_cache_requests_total",
                "dateline_page_render_seconds_count", "http_server_requests_seconds_count");
        String scrape = site().get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body();
        for (String name : names) {
            assertThat(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find())
                    .as(name + " is in a scrape").isTrue();
        }
    }

    private int port() {
        return Integer.parseInt(site().base().substring(site().base().lastIndexOf(':') + 1));
    }

    /** The value of one series in a scrape, 0 when it has not been created yet. */
    private double meter(String name, String label) {
        String body = site().get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*" + Pattern.quote(label) + "[^}]*\\})? ([0-9.E+-]+)$")
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
