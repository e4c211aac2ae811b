package news.dateline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DATELINE_ACCESS_LOG=json to standard output: one JSON object per request, with no query string or cookie. */
@TestPropertySource(properties = {"dateline.access-log.format=json", "dateline.access-log.to=stdout"})
@ExtendWith(OutputCaptureExtension.class)
class JsonAccessLogTest extends SqliteSite {

    @Test
    void eachRequestIsOneJsonLineOnStandardOutputWithoutSecrets(CapturedOutput output) throws Exception {
        String marker = "json-log-" + System.nanoTime();
        site().get("/" + marker + "?token=query-secret", "Cookie", "JSESSIONID=session-secret",
                "User-Agent", "JsonAccessLogTest/1.0");

        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.isEmpty(); i++) {
            Thread.sleep(100);
            lines = output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(marker)).toList();
        }
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(line.path("path").asString()).isEqualTo("/" + marker);
        assertThat(line.path("statusCode").asString()).isEqualTo("404");
        assertThat(line.path("method").asString()).isEqualTo("GET");
        assertThat(lines.getFirst()).contains("JsonAccessLogTest/1.0").doesNotContain("query-secret", "session-secret");
    }
}
