package news.dateline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import news.dateline.backup.Sizes;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dateline check}: looks at a data directory and its database without starting the site and without
 * changing them (no migration is applied): the database opens and is intact, every migration is applied and none
 * is pending, the search index reads, the signing keys are there. Each problem is printed with what to do.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Check a data directory and database without starting the site: schema, index, keys.")
final class CheckCommand implements Callable<Integer> {

    static final List<String> KEYS = List.of("comment-form.key", "preview-link.key");

    private final Invocation invocation;

    @Mixin
    DataDirOption data = new DataDirOption();

    CheckCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    private final List<String> problems = new ArrayList<>();
    private PrintStream out;

    @Override
    public Integer call() throws Exception {
        out = invocation.terminal().out();
        Settings settings = Settings.read(invocation, data.asSpringArguments());
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        out.println("Checking " + dir + (settings.sqlite() ? " (SQLite)" : " and " + settings.data().url()));
        if (!Files.isDirectory(dir)) {
            problem("no data directory at " + dir,
                    "check --data-dir or DATELINE_DATA_DIR; the site creates it on first start, restore puts one back");
            return finish();
        }
        if (!Files.isWritable(dir)) {
            problem("the data directory is not writable by this user",
                    "run as the site's user, or give it write access (the site writes keys and its index here)");
        }
        boolean database = settings.sqlite() ? sqlite(settings) : postgres(settings);
        index(dir.resolve("index"));
        if (database) {
            keys(dir, settings);
        }
        return finish();
    }

    private boolean sqlite(Settings settings) {
        Path file = settings.sqliteFile().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            problem("no database at " + file, "check --data-dir; the site creates one on first start, or restore"
                    + " a backup (dateline restore FILE)");
            return false;
        }
        // read-only: a check must not create, migrate or repair anything
        String url = "jdbc:sqlite:" + file + "?open_mode=1&busy_timeout=5000";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                problem("the database is damaged (SQLite quick_check: " + verdict + ")",
                        "stop the site and restore the last backup (dateline restore FILE --force)");
                return false;
            }
            ok("database " + file + " (" + Sizes.human(Files.size(file)) + "), integrity ok");
        } catch (Exception e) {
            problem("the database cannot be read: " + e.getMessage(),
                    "check the file's owner and permissions; if it is damaged, restore the last backup");
            return false;
        }
        return migrations(new SingleConnectionDataSource(url, true), settings);
    }

    private boolean postgres(Settings settings) {
        var data = settings.data();
        try (Connection connection = DriverManager.getConnection(data.url(), data.username(), data.password())) {
            ok("database " + data.url() + " (" + connection.getMetaData().getDatabaseProductVersion() + ")");
        } catch (Exception e) {
            problem("cannot connect to " + data.url() + ": " + e.getMessage(),
                    "check DATELINE_DB_URL, DATELINE_DB_USER and DATELINE_DB_PASSWORD, and that the server is up");
            return false;
        }
        SingleConnectionDataSource source = new SingleConnectionDataSource(data.url(), data.username(),
                data.password(), true);
        return migrations(source, settings);
    }

    /** Flyway's view of the schema against the migrations this Dateline carries; applies nothing. */
    private boolean migrations(DataSource source, Settings settings) {
        try {
            Flyway flyway = Flyway.configure().dataSource(source).locations(settings.migrationLocations())
                    .load();
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            List<String> pending = Arrays.stream(info.pending()).map(m -> m.getVersion().toString()).toList();
            List<String> failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED)
                    .map(m -> m.getVersion() + " " + m.getDescription()).toList();
            List<String> unknown = Arrays.stream(info.all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .map(m -> m.getVersion().toString()).toList();
            if (current == null) {
                problem("the database has no schema yet (" + pending.size() + " migrations pending)",
                        "start the site once (it creates the schema), or restore a backup");
                return false;
            }
            if (!failed.isEmpty()) {
                problem("migration failed: " + String.join(", ", failed),
                        "see the site's log from the start that ran it; restore the backup taken before the upgrade");
            }
            if (!unknown.isEmpty()) {
                problem("the schema is at version " + current.getVersion() + ", newer than this Dateline knows ("
                                + String.join(", ", unknown) + " unknown)",
                        "run the Dateline version that made this database (dateline --version shows this one's)");
            }
            if (!pending.isEmpty()) {
                problem(pending.size() + " migration" + (pending.size() == 1 ? "" : "s") + " pending ("
                                + String.join(", ", pending) + "); the schema is at version " + current.getVersion(),
                        "take a backup (dateline backup), then start the site: it applies them");
            }
            var validation = flyway.validateWithResult();
            if (!validation.validationSuccessful && pending.isEmpty() && unknown.isEmpty() && failed.isEmpty()) {
                problem("applied migrations differ from this Dateline's: " + validation.invalidMigrations.stream()
                                .map(m -> m.version + " " + m.errorDetails.errorMessage)
                                .collect(Collectors.joining("; ")),
                        "an applied migration was edited or removed; run the Dateline version that applied it");
            }
            if (pending.isEmpty() && failed.isEmpty() && unknown.isEmpty()) {
                ok("schema at version " + current.getVersion() + ", " + info.applied().length
                        + " migrations applied, none pending");
            }
            return true;
        } catch (Exception e) {
            problem("cannot read the migration history: " + e.getMessage(),
                    "check that this is a Dateline database");
            return false;
        } finally {
            if (source instanceof SingleConnectionDataSource single) {
                single.destroy();
            }
        }
    }

    private void index(Path index) {
        if (!Files.isDirectory(index)) {
            ok("search index not built yet: the site builds it from the database when it starts");
            return;
        }
        try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            ok("search index readable, " + reader.numDocs() + " articles");
        } catch (IOException | RuntimeException e) {
            problem("the search index cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "nothing is lost: the site rebuilds it from the database when it starts; or, with the site "
                            + "stopped, run dateline reindex");
        }
    }

    private void keys(Path dir, Settings settings) {
        List<String> present = new ArrayList<>();
        for (String key : KEYS) {
            if (key.equals("comment-form.key") && !settings.commentSigningKey().isBlank()) {
                present.add(key + " (dateline.comments.signing-key)");
                continue;
            }
            Path file = dir.resolve(key);
            if (!Files.isRegularFile(file)) {
                problem(key + " is missing",
                        "the site makes a new one at start: comment forms open in readers' browsers"
                                + (key.startsWith("preview") ? " and preview links already sent" : "")
                                + " stop working. If you restored this directory, put back the key from the backup");
                continue;
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (bytes.length < 32) {
                    problem(key + " is too short (" + bytes.length + " bytes)",
                            "delete it: the site makes a new 32-byte key at start");
                    continue;
                }
                present.add(key);
            } catch (IOException | IllegalArgumentException e) {
                problem(key + " cannot be read as a key (" + e.getMessage() + ")",
                        "restore it from a backup, or delete it and the site makes a new one");
            }
        }
        if (!present.isEmpty()) {
            ok("keys " + String.join(", ", present));
        }
    }

    private void ok(String what) {
        out.println("  ok       " + what);
    }

    private void problem(String what, String todo) {
        problems.add(what);
        out.println("  PROBLEM  " + what);
        out.println("           what to do: " + todo);
    }

    private int finish() {
        if (problems.isEmpty()) {
            out.println("All fine.");
            return DatelineCli.OK;
        }
        out.println(problems.size() + (problems.size() == 1 ? " problem." : " problems."));
        return DatelineCli.FAILED;
    }
}
