package news.dateline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import news.dateline.backup.BackupArchive;
import news.dateline.backup.Manifest;
import news.dateline.backup.Postgres;
import news.dateline.backup.Sizes;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dateline restore FILE [--data-dir DIR] [--force]}: puts a backup back. Every checksum is verified before
 * anything is written; the target must be empty unless {@code --force}, which replaces the database, keys and
 * media and deletes the search index (rebuilt when the site starts). Never while a server is using the directory.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Restore a backup into an empty data directory, after checking every file's checksum.")
final class RestoreCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Parameters(paramLabel = "FILE", description = "A dateline-backup-*.zip written by `dateline backup`.")
    Path file;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--force", description = "Restore into a data directory that is not empty, replacing its "
            + "database, keys and media and deleting its search index.")
    boolean force;

    RestoreCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = invocation.terminal().out();
        PrintStream err = invocation.terminal().err();
        Manifest manifest;
        try {
            manifest = BackupArchive.read(file);
        } catch (BackupArchive.Refused refused) {
            err.println("Refused: " + refused.getMessage());
            err.println("Nothing was written.");
            return DatelineCli.FAILED;
        }
        Settings settings = Settings.read(invocation, data.asSpringArguments());
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        boolean sqliteBackup = manifest.database().kind().equals("sqlite");
        if (sqliteBackup != settings.sqlite()) {
            err.println("Refused: the backup holds a " + (sqliteBackup ? "SQLite" : "PostgreSQL")
                    + " database, but this Dateline is set up for " + (settings.sqlite() ? "SQLite"
                    : "PostgreSQL (DATELINE_DB_URL)") + ". Nothing was written.");
            return DatelineCli.FAILED;
        }
        Optional<String> occupied = occupied(dataDir);
        if (occupied.isPresent() && !force) {
            err.println("Refused: " + dataDir + " is not empty (" + occupied.get() + "). Restore into an empty "
                    + "directory (--data-dir), or add --force to replace its database, keys and media.");
            err.println("Nothing was written.");
            return DatelineCli.FAILED;
        }
        if (inUse(dataDir)) {
            err.println("Refused: a Dateline server is running on " + dataDir + " (its search index is locked). "
                    + "Stop it first. Nothing was written.");
            return DatelineCli.FAILED;
        }
        Postgres postgres = null;
        Path pgRestore = null;
        if (!sqliteBackup) {
            postgres = new Postgres(settings.data(), invocation.terminal().env());
            pgRestore = postgres.tool("pg_restore").orElse(null);
            if (pgRestore == null) {
                err.println("pg_restore is not on the PATH: restoring a PostgreSQL backup needs it (Debian: apt-get "
                        + "install postgresql-client-NN). Nothing was written.");
                return DatelineCli.FAILED;
            }
            long tables = tables(settings);
            if (tables > 0 && !force) {
                err.println("Refused: the database " + settings.data().url() + " already has " + tables
                        + " tables. Restore into an empty database, or add --force to replace them."
                        + " Nothing was written.");
                return DatelineCli.FAILED;
            }
        }

        Files.createDirectories(dataDir);
        Path staging = Files.createTempDirectory(dataDir, ".restoring-");
        try {
            BackupArchive.extract(file, manifest, staging);
            List<String> restored = new ArrayList<>();
            if (sqliteBackup) {
                Path db = settings.sqliteFile().toAbsolutePath();
                Files.createDirectories(db.getParent());
                for (String stale : List.of("-wal", "-shm", "-journal")) {
                    Files.deleteIfExists(db.resolveSibling(db.getFileName() + stale));
                }
                Files.move(staging.resolve(manifest.database().path()), db, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                restored.add("database   " + db + " (SQLite, schema version " + manifest.database().schemaVersion()
                        + ", " + Sizes.human(Files.size(db)) + ")");
            } else {
                List<String> args = new ArrayList<>(List.of("--no-owner", "--no-privileges", "--exit-on-error",
                        "--dbname=" + postgres.connectionUri()));
                if (force) {
                    args.addAll(List.of("--clean", "--if-exists"));
                }
                args.add(staging.resolve(manifest.database().path()).toString());
                Optional<String> failed = postgres.run(pgRestore, args);
                if (failed.isPresent()) {
                    err.println("pg_restore failed:");
                    failed.get().lines().forEach(line -> err.println("  " + line));
                    return DatelineCli.FAILED;
                }
                restored.add("database   " + settings.data().url() + " (PostgreSQL, schema version "
                        + manifest.database().schemaVersion() + ")");
            }
            List<String> keys = new ArrayList<>();
            int media = 0;
            Path stagedData = staging.resolve("data");
            if (Files.isDirectory(stagedData.resolve("media"))) {
                BackupArchive.deleteTree(dataDir.resolve("media"));
            }
            for (Manifest.Entry entry : manifest.files()) {
                if (!entry.path().startsWith("data/")) {
                    continue;
                }
                String relative = entry.path().substring("data/".length());
                Path target = dataDir.resolve(relative).normalize();
                Files.createDirectories(target.getParent());
                Files.move(staging.resolve(entry.path()), target, StandardCopyOption.REPLACE_EXISTING);
                if (relative.startsWith("media/")) {
                    media++;
                } else {
                    keys.add(relative);
                }
            }
            restored.add("keys       " + (keys.isEmpty() ? "none in the backup" : String.join(", ", keys)));
            restored.add("media      " + (media == 0 ? "none in the backup" : media + " files"));
            Path index = dataDir.resolve("index");
            boolean hadIndex = Files.exists(index);
            BackupArchive.deleteTree(index);
            out.println("Restored " + file.getFileName() + " (made " + manifest.createdAt() + " by Dateline "
                    + manifest.datelineVersion() + ", " + manifest.datelineCommit() + ") into " + dataDir + ":");
            restored.forEach(line -> out.println("  " + line));
            out.println("  checksums  all " + manifest.files().size() + " files matched the manifest");
            out.println((hadIndex ? "The old search index was deleted; " : "")
                    + "The search index is rebuilt from the database when the site starts (or run `dateline "
                    + "reindex`).");
            return DatelineCli.OK;
        } catch (BackupArchive.Refused refused) {
            err.println("Refused: " + refused.getMessage());
            return DatelineCli.FAILED;
        } finally {
            BackupArchive.deleteTree(staging);
        }
    }

    /** What makes the directory not empty, e.g. "dateline.db, index and 2 more"; empty when it is. */
    static Optional<String> occupied(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                return Optional.empty();
            }
            String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
            return Optional.of(names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown);
        }
    }

    /** A running server holds the Lucene write lock of {@code <data dir>/index}. */
    static boolean inUse(Path dataDir) throws IOException {
        Path index = dataDir.resolve("index");
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (FSDirectory directory = FSDirectory.open(index); Lock lock = directory.obtainLock("write.lock")) {
            return false;
        } catch (LockObtainFailedException held) {
            return true;
        }
    }

    private static long tables(Settings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.data().url(), settings.data().username(),
                settings.data().password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE table_schema = current_schema()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
