package news.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dateline check} on a data directory as the site left it (exit 0, everything listed as ok), then on one
 * with what operators meet: a migration pending, a damaged search index, a missing key, no database at all. Each
 * is named with what to do, and the check changes nothing.
 */
class CheckCommandTest {

    private final Cli cli = new Cli();

    @Test
    void aDirectoryTheSiteLeftIsFine(@TempDir Path dataDir) throws Exception {
        prepare(dataDir);

        Cli.Run check = cli.run("check", "--data-dir=" + dataDir);

        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).contains(
                "Checking " + dataDir + " (SQLite)",
                "ok       database " + dataDir.resolve("dateline.db"),
                "integrity ok",
                "ok       schema at version " + SqliteMigrations.newest() + ", " + SqliteMigrations.versions().size()
                        + " migrations applied, none pending",
                "ok       search index readable, 0 articles",
                "ok       keys comment-form.key, preview-link.key",
                "All fine.");
        assertThat(check.out()).doesNotContain("PROBLEM");
    }

    @Test
    void problemsAreNamedWithWhatToDoAndExitOne(@TempDir Path dataDir) throws Exception {
        prepare(dataDir);
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dateline.db"));
                var statement = db.createStatement()) {
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '" + SqliteMigrations.newest() + "'");
        }
        Path index = dataDir.resolve("index");
        try (var files = Files.list(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        Files.delete(dataDir.resolve("preview-link.key"));
        long dbSize = Files.size(dataDir.resolve("dateline.db"));

        Cli.Run check = cli.run("check", "--data-dir=" + dataDir);

        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains(
                "PROBLEM  1 migration pending (" + SqliteMigrations.newest() + "); the schema is at version "
                        + SqliteMigrations.beforeNewest(),
                "what to do: take a backup (dateline backup), then start the site: it applies them",
                "PROBLEM  the search index cannot be read",
                "the site rebuilds it from the database when it starts",
                "PROBLEM  preview-link.key is missing",
                "preview links already sent stop working",
                "ok       keys comment-form.key",
                "3 problems.");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dateline.db"));
                var row = db.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history "
                        + "WHERE version = '" + SqliteMigrations.newest() + "'")) {
            row.next();
            assertThat(row.getInt(1)).as("check applied no migration").isZero();
        }
        assertThat(Files.size(dataDir.resolve("dateline.db"))).isEqualTo(dbSize);
        assertThat(dataDir.resolve("preview-link.key")).doesNotExist();
    }

    @Test
    void noDatabaseIsAProblemAndNothingIsCreated(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("never-started");

        Cli.Run missingDir = cli.run("check", "--data-dir=" + dataDir);
        assertThat(missingDir.exit()).isEqualTo(1);
        assertThat(missingDir.out()).contains("PROBLEM  no data directory at " + dataDir, "1 problem.");
        assertThat(dataDir).doesNotExist();

        dataDir.toFile().mkdirs();
        Cli.Run missingDb = cli.run("check", "--data-dir=" + dataDir);
        assertThat(missingDb.exit()).isEqualTo(1);
        assertThat(missingDb.out()).contains("PROBLEM  no database at " + dataDir.resolve("dateline.db"),
                "restore a backup (dateline restore FILE)");
        assertThat(dataDir.resolve("dateline.db")).doesNotExist();
    }

    /** A data directory as a stopped site leaves it: migrated, keys made, index built. */
    private void prepare(Path dataDir) throws Exception {
        Cli.Run user = cli.run("user", "add", "ana", "--role", "admin", "--data-dir=" + dataDir,
                "--dateline.data.url=");
        assertThat(user.exit()).as(user.toString()).isZero();
        Cli.Run reindex = cli.run("reindex", "--data-dir=" + dataDir, "--dateline.data.url=");
        assertThat(reindex.exit()).as(reindex.toString()).isZero();
        for (String key : CheckCommand.KEYS) {
            Files.writeString(dataDir.resolve(key), java.util.Base64.getEncoder().encodeToString(new byte[32]));
        }
    }
}
