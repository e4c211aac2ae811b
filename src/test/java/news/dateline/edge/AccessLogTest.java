package news.dateline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import news.dateline.platform.DataProperties;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With DATELINE_ACCESS_LOG=combined each request is one line in {@code <data dir>/logs}, in the combined format
 * log tools read, and none of what a reader or editor would not want kept there: query strings, preview tokens,
 * cookies, bearer tokens.
 */
@TestPropertySource(properties = "dateline.access-log.format=combined")
class AccessLogTest extends SqliteSite {

    @Test
    void eachRequestIsOneCombinedLineWithoutQueryStringsTokensOrCookies() throws Exception {
        String marker = "access-log-" + System.nanoTime();
        assertThat(site().get("/search?q=" + marker + "-query-secret").status()).isEqualTo(200);
        site().get("/preview/" + marker + ".1893456000.c2VjcmV0LXNpZ25hdHVyZQ");
        site().get("/" + marker + "/missing?token=query-secret", "Cookie", "dateline_commenter=cookie-secret; JSESSIONID=session-secret",
                "Referer", "http://localhost/preview/42.1893456000.referer-signature?x=referer-query",
                "Authorization", "Bearer bearer-secret", "User-Agent", "AccessLogTest/1.0");

        List<String> lines = awaitLines(marker, 3);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("\\S+ - - \\[[^]]+] \"GET /search HTTP/\\S+\" 200 \\d+ \"-\" \"[^\"]*\"");
        assertThat(lines.get(1)).containsPattern("\"GET /preview/- HTTP/\\S+\" 404 ");
        assertThat(lines.get(2)).containsPattern("\"GET /" + marker + "/missing HTTP/\\S+\" 404 ");
        assertThat(lines.get(2)).contains(
                "\"http://localhost/preview/-\"", "\"AccessLogTest/1.0\"");
        String all = String.join("\n", readAll());
        assertThat(all).doesNotContain("query-secret", "c2VjcmV0LXNpZ25hdHVyZQ", "referer-signature", "referer-query",
                "cookie-secret", "session-secret", "bearer-secret");
    }

    @Test
    void mailedResetAndInvitationLinksLeaveNoTokenInTheLog() throws Exception {
        String marker = "mail-link-" + System.nanoTime();
        site().get("/newsroom/reset/reset-token-secret.signature", "User-Agent", marker);
        site().get("/newsroom/welcome/welcome-token-secret.signature", "User-Agent", marker);

        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.size() < 2; i++) {
            Thread.sleep(100); // Tomcat writes the line after the answer
            lines = readAll().stream().filter(line -> line.contains(marker)).toList();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsPattern("\"GET /newsroom/reset/- HTTP/\\S+\" 400 ");
        assertThat(lines.get(1)).containsPattern("\"GET /newsroom/welcome/- HTTP/\\S+\" 400 ");
        assertThat(String.join("\n", readAll())).doesNotContain("reset-token-secret", "welcome-token-secret");
    }

    private List<String> awaitLines(String marker, int count) throws Exception {
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.size() < count; i++) {
            Thread.sleep(100);
            lines = readAll().stream().filter(line -> line.contains(marker) || line.contains("/preview/-") || line.contains("GET /search "))
                    .filter(line -> !line.contains("/actuator")).toList();
        }
        return lines;
    }

    private List<String> readAll() throws Exception {
        Path logs = bean(DataProperties.class).dir().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        }
    }
}
