package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator's load balancer asks {@code /actuator/health} every few seconds. When the database goes away the
 * answer must change at once, whatever answer an earlier probe got: it is never served from the page cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthFollowsTheDatabaseTest {

    /** A server of its own: the other journeys share one, and this test stops it. */
    private static EmbeddedPostgres database;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        database = EmbeddedPostgres.builder().start();
        registry.add("dateline.data.dir", () -> temporaryDirectory());
        registry.add("dateline.data.url", () -> database.getJdbcUrl("postgres", "postgres"));
        registry.add("dateline.data.username", () -> "postgres");
        registry.add("dateline.data.password", () -> "");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void healthTurnsDownWithinASecondOfTheDatabaseStopping() throws IOException {
        SiteClient site = new SiteClient(port);
        Page up = site.get("/actuator/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body()).contains("\"UP\"");
        assertThat(site.get("/actuator/health").body()).contains("\"UP\"");

        database.close();
        long stopped = System.nanoTime();
        Page down = site.get("/actuator/health");
        long tookMillis = (System.nanoTime() - stopped) / 1_000_000;

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"DOWN\"");
        assertThat(tookMillis).as("answered within a second of the database stopping").isLessThan(1_000);
        assertThat(down.header("Cache-Control")).doesNotContain("public");
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("dateline-health-").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
