package news.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.dateline.backup.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code backup} and {@code restore} on PostgreSQL go through pg_dump and pg_restore: without them, or with a
 * pg_dump older than the server, the backup says so, exits 1 and leaves no file behind. The round trip runs where
 * a pg_dump of the server's major version is installed, and is skipped (saying so) elsewhere.
 */
class PostgresBackupTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE source");
            s.execute("CREATE DATABASE target");
        }
        Cli.Run migrated = new Cli().run("user", "add", "pat", "--role", "admin", "--data-dir=" + tmp.resolve("d"),
                "--dateline.data.url=" + url("source"), "--dateline.data.username=postgres");
        assertThat(migrated.exit()).as(migrated.toString()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    private static Cli.Run backup(Cli cli, Path to) {
        return cli.run("backup", "--data-dir=" + tmp.resolve("d"), "--to=" + to + "/",
                "--dateline.data.url=" + url("source"), "--dateline.data.username=postgres");
    }

    @Test
    void withoutPgDumpOnThePathTheBackupSaysSoAndWritesNothing() throws Exception {
        Path to = tmp.resolve("no-pg-dump");
        Cli.Run run = backup(new Cli().env("PATH", tmp.resolve("empty-path").toString()), to);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("pg_dump is not on the PATH", "Nothing was written.");
        assertThat(listing(to)).isEmpty();
    }

    @Test
    void aPgDumpOlderThanTheServerIsNamedAndLeavesNoFile() throws Exception {
        int server = serverMajor();
        int dump = pgDumpMajor();
        assumeTrue(dump > 0 && dump < server, "needs a pg_dump older than PostgreSQL " + server + " on the PATH");
        Path to = tmp.resolve("old-pg-dump");

        Cli.Run run = backup(new Cli(), to);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("pg_dump failed, nothing was written", "version mismatch",
                "pg_dump must be of the server's major version or newer.");
        assertThat(listing(to)).as("no archive, no .partial, no work files").isEmpty();
    }

    @Test
    void aBackupRestoresIntoAnEmptyDatabase() throws Exception {
        int server = serverMajor();
        int dump = pgDumpMajor();
        assumeTrue(dump >= server, "pg_dump " + server + " or newer is not on the PATH (found "
                + (dump > 0 ? dump : "none") + "): PostgreSQL round trip skipped");
        Path to = tmp.resolve("round-trip");
        Cli.Run made = backup(new Cli(), to);
        assertThat(made.exit()).as(made.toString()).isZero();
        assertThat(made.out()).contains("PostgreSQL (pg_dump), schema version ");

        Path archive = listing(to).getFirst();
        Cli.Run restored = new Cli().run("restore", archive.toString(), "--data-dir=" + tmp.resolve("t"),
                "--dateline.data.url=" + url("target"), "--dateline.data.username=postgres");
        assertThat(restored.exit()).as(restored.toString()).isZero();
        try (var target = new SingleConnectionDataSource(url("target"), "postgres", "", true)) {
            assertThat(JdbcClient.create(target).sql("SELECT username FROM account").query(String.class).list())
                    .containsExactly("pat");
        }
        Cli.Run again = new Cli().run("restore", archive.toString(), "--data-dir=" + tmp.resolve("t2"),
                "--dateline.data.url=" + url("target"), "--dateline.data.username=postgres");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already has", "tables");
    }

    private static java.util.List<Path> listing(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }

    private static int serverMajor() throws Exception {
        try (var c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            return c.getMetaData().getDatabaseMajorVersion();
        }
    }

    /** The major version of the pg_dump on the PATH; 0 when there is none. */
    private static int pgDumpMajor() {
        var found = new Postgres(null, Map.of("PATH", System.getenv("PATH"))::get).tool("pg_dump");
        if (found.isEmpty()) {
            return 0;
        }
        try {
            Process process = new ProcessBuilder(found.get().toString(), "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = Pattern.compile("(\\d+)\\.\\d+").matcher(version);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
