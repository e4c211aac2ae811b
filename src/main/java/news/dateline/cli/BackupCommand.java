package news.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dateline backup [--to DIR|FILE]}: one consistent archive of a data directory while the site keeps running
 * (docs/operations.md). SQLite is copied with {@code VACUUM INTO}, a snapshot taken in one read transaction;
 * PostgreSQL with {@code pg_dump -Fc}. The signing keys and a media folder come along; the search index does not
 * (it is rebuilt from the database).
 */
@Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Write one consistent backup (database, keys, media, manifest) while the site runs.")
final class BackupCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--to", paramLabel = "DIR|FILE",
            description = "A directory (the file is named dateline-backup-<UTC time>.zip) or a file (default: .).")
    String to = ".";

    @Option(names = "--list", description = "List the complete backups in the --to directory instead, newest first.")
    boolean list;

    BackupCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        var out = invocation.terminal().out();
        var err = invocation.terminal().err();
        if (list) {
            return list(out);
        }
        Settings settings = Settings.read(invocation, data.asSpringArguments());
        Instant now = Instant.now();
        Path given = Path.of(to);
        Path target = Files.isDirectory(given) || to.endsWith("/") || to.endsWith(java.io.File.separator)
                ? given.resolve(BackupArchive.fileName(now)) : given;
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            err.println(target + " already exists; a backup never overwrites one. Name another file.");
            return DatelineCli.FAILED;
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".dateline-backup-work-");
        try {
            List<BackupArchive.Source> sources = new ArrayList<>();
            Manifest.Database database;
            if (settings.sqlite()) {
                Optional<Manifest.Database> copied = sqlite(settings, work, sources, err);
                if (copied.isEmpty()) {
                    return DatelineCli.FAILED;
                }
                database = copied.get();
            } else {
                Optional<Manifest.Database> dumped = postgres(settings, work, sources, err);
                if (dumped.isEmpty()) {
                    return DatelineCli.FAILED;
                }
                database = dumped.get();
            }
            List<String> keys = new ArrayList<>();
            int media = dataFiles(settings.dataDir(), sources, keys);
            Manifest manifest = BackupArchive.write(target, sources, database, now);
            out.printf("Backup written: %s (%s)%n", target, Sizes.human(Files.size(target)));
            out.printf("  database   %s, schema version %s, %s%n", database.kind().equals("sqlite") ? "SQLite"
                    : "PostgreSQL (pg_dump)", database.schemaVersion(), Sizes.human(sizeOf(manifest, database.path())));
            out.printf("  keys       %s%n", keys.isEmpty() ? "none in " + settings.dataDir() : String.join(", ", keys));
            out.printf("  media      %s%n", media < 0 ? "no media folder" : media + " files");
            out.println("  checksums  SHA-256 of every file in manifest.json, verified after writing");
            out.println("The search index is not in the backup: it is rebuilt from the database after a restore.");
            return DatelineCli.OK;
        } finally {
            BackupArchive.deleteTree(work);
        }
    }

    private int list(java.io.PrintStream out) throws IOException {
        Path given = Path.of(to);
        Path dir = Files.isDirectory(given) ? given : given.toAbsolutePath().getParent();
        List<BackupArchive.Listed> found = BackupArchive.list(dir);
        if (found.isEmpty()) {
            out.println("No complete backups in " + dir.toAbsolutePath().normalize() + ".");
            return DatelineCli.OK;
        }
        for (BackupArchive.Listed backup : found) {
            out.println(backup.manifest()
                    .map(m -> String.format("%s  %s  %s, schema %s, Dateline %s", backup.file().getFileName(),
                            Sizes.human(sizeOrZero(backup.file())), m.database().kind(), m.database().schemaVersion(),
                            m.datelineVersion()))
                    .orElse(backup.file().getFileName() + "  not a complete backup (no readable manifest)"));
        }
        return DatelineCli.OK;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizeOf(Manifest manifest, String path) {
        return manifest.files().stream().filter(e -> e.path().equals(path)).mapToLong(Manifest.Entry::size).sum();
    }

    /** A transactionally consistent copy of dateline.db, taken while writers carry on (WAL mode). */
    private static Optional<Manifest.Database> sqlite(Settings settings, Path work, List<BackupArchive.Source> sources,
            java.io.PrintStream err) throws SQLException {
        Path db = settings.sqliteFile();
        if (!Files.isRegularFile(db)) {
            err.println("No database at " + db.toAbsolutePath() + ": nothing to back up. (Is --data-dir right?)");
            return Optional.empty();
        }
        Path copy = work.resolve("dateline.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=30000");
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
        }
        String version;
        try (Connection snapshot = DriverManager.getConnection("jdbc:sqlite:" + copy + "?open_mode=1")) {
            version = SchemaVersion.of(snapshot);
        }
        sources.add(new BackupArchive.Source("database/dateline.db", copy));
        return Optional.of(new Manifest.Database("sqlite", version, "database/dateline.db"));
    }

    private Optional<Manifest.Database> postgres(Settings settings, Path work, List<BackupArchive.Source> sources,
            java.io.PrintStream err) throws Exception {
        Postgres postgres = new Postgres(settings.data(), invocation.terminal().env());
        Optional<Path> pgDump = postgres.tool("pg_dump");
        if (pgDump.isEmpty()) {
            err.println("pg_dump is not on the PATH: a PostgreSQL backup needs it (Debian: apt-get install "
                    + "postgresql-client-NN, NN the server's major version or newer). Nothing was written.");
            return Optional.empty();
        }
        String version;
        try (Connection connection = DriverManager.getConnection(settings.data().url(), settings.data().username(),
                settings.data().password())) {
            version = SchemaVersion.of(connection);
        }
        Path dump = work.resolve("dateline.pgdump");
        Optional<String> failed = postgres.run(pgDump.get(), List.of("--format=custom", "--no-owner",
                "--file=" + dump, "--dbname=" + postgres.connectionUri()));
        if (failed.isPresent()) {
            err.println("pg_dump failed, nothing was written:");
            failed.get().lines().forEach(line -> err.println("  " + line));
            if (failed.get().contains("version mismatch")) {
                err.println("pg_dump must be of the server's major version or newer.");
            }
            return Optional.empty();
        }
        sources.add(new BackupArchive.Source("database/dateline.pgdump", dump));
        return Optional.of(new Manifest.Database("postgresql", version, "database/dateline.pgdump"));
    }

    /** The signing keys ({@code *.key}) at the top of the data directory and {@code media/}; -1: no media folder. */
    static int dataFiles(Path dataDir, List<BackupArchive.Source> sources, List<String> keys) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> top = Files.list(dataDir)) {
                for (Path key : top.filter(p -> p.getFileName().toString().endsWith(".key") && Files.isRegularFile(p))
                        .sorted().toList()) {
                    keys.add(key.getFileName().toString());
                    sources.add(new BackupArchive.Source("data/" + key.getFileName(), key));
                }
            }
        }
        Path media = dataDir.resolve("media");
        if (!Files.isDirectory(media)) {
            return -1;
        }
        int count = 0;
        try (Stream<Path> all = Files.walk(media)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dataDir.relativize(file).toString().replace('\\', '/');
                sources.add(new BackupArchive.Source("data/" + relative, file));
                count++;
            }
        }
        return count;
    }
}
