package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start of a real Dateline process, as an operator runs it with a log file: the first admin's password
 * is on the console and nowhere in the log, and each address that does not exist is one INFO line, not two WARN.
 */
class FirstStartLogTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    @Timeout(120)
    void thePasswordIsOnTheConsoleOnlyAndA404IsOneInfoLine(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("dateline.log");
        Process dateline = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "news.dateline.DatelineApplication", "--server.port=0", "--dateline.data.dir=" + tmp.resolve("data"),
                "--dateline.data.url=", "--logging.file.name=" + log)
                .redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        try {
            int port = 0;
            String password = null;
            BufferedReader lines = new BufferedReader(new InputStreamReader(dateline.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line; (port == 0 || password == null) && (line = lines.readLine()) != null; ) {
                console.append(line).append('\n');
                Matcher started = PORT.matcher(line);
                if (started.find()) {
                    port = Integer.parseInt(started.group(1));
                }
                if (line.strip().startsWith("password: ")) {
                    password = line.strip().substring("password: ".length());
                }
            }
            assertThat(port).as(console.toString()).isPositive();
            assertThat(password).as(console.toString()).isNotBlank();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String missing : List.of("/no/such/place", "/no-such-picture.png", "/world/no-such-story")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + missing)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(404);
            }
            String written = awaitLine(log, "404 GET /world/no-such-story");

            assertThat(written).contains("Newsroom sign-in created for admin; its password was printed on the console "
                    + "only.");
            assertThat(written).as("the log file").doesNotContain(password);
            for (String missing : List.of("/no/such/place", "/no-such-picture.png", "/world/no-such-story")) {
                List<String> about = written.lines().filter(l -> l.contains(missing)).toList();
                assertThat(about).as("log lines about " + missing).hasSize(1);
                assertThat(about.getFirst()).contains(" INFO ", "404 GET " + missing);
            }
            assertThat(written).doesNotContain("No mapping for", "No endpoint", "PageNotFound");
            assertThat(written).as("started without DATELINE_BASE_URL on another port").contains(
                    "dateline.site.base-url (DATELINE_BASE_URL) is not set", "listens on port " + port);
            String reached = "Requests arrive for http://localhost:" + port;
            assertThat(written.lines().filter(l -> l.contains(reached)))
                    .as("three requests for another address than the base URL, one warning").hasSize(1);
        } finally {
            dateline.destroy();
            if (!dateline.waitFor(30, TimeUnit.SECONDS)) {
                dateline.destroyForcibly();
            }
        }
    }

    private static String awaitLine(Path log, String line) throws Exception {
        String text = "";
        for (int i = 0; i < 100; i++) {
            text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(line)) {
                return text;
            }
            Thread.sleep(100);
        }
        return text;
    }
}
