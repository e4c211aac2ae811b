package news.dateline.backup;

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
import java.util.function.Function;
import java.util.stream.Stream;
import news.dateline.platform.DataProperties;

/**
 * Taking one consistent backup of a data directory while the site keeps running (docs/operations.md), for the
 * {@code backup} command and the scheduled backups alike. SQLite is copied with {@code VACUUM INTO}, a snapshot
 * taken in one read transaction; PostgreSQL with {@code pg_dump -Fc}. The signing keys and a media folder come
 * along; the search index does not (it is rebuilt from the database).
 */
public final class Backups {

    private Backups() {
    }

    /** Why no backup was taken, said so that an operator knows what to do; nothing was written. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    /** What a backup wrote: the archive, its manifest, the keys by name, the media files (-1: no media folder). */
    public record Taken(Path file, Manifest manifest, List<String> keys, int mediaFiles) {

        public long databaseSize() {
            return manifest.files().stream().filter(e -> e.path().equals(manifest.database().path()))
                    .mapToLong(Manifest.Entry::size).sum();
        }
    }

    /** {@code dir/dateline-backup-<UTC time>.zip}. */
    public static Path inDirectory(Path dir, Instant at) {
        return dir.resolve(BackupArchive.fileName(at)).toAbsolutePath().normalize();
    }

    /**
     * Writes a backup of the data in {@code data} to {@code target}, which must not exist; {@code env} gives the
     * PATH on which pg_dump is looked for.
     */
    public static Taken take(DataProperties data, Path target, Function<String, String> env, Instant now)
            throws Failed, IOException, SQLException, InterruptedException {
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new Failed(target + " already exists; a backup never overwrites one. Name another file.");
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".dateline-backup-work-");
        try {
            List<BackupArchive.Source> sources = new ArrayList<>();
            Manifest.Database database = data.usesSqlite() ? sqlite(data, work, sources)
                    : postgres(data, env, work, sources);
            List<String> keys = new ArrayList<>();
            int media = dataFiles(data.dir(), sources, keys);
            Manifest manifest = BackupArchive.write(target, sources, database, now);
            return new Taken(target, manifest, List.copyOf(keys), media);
        } finally {
            BackupArchive.deleteTree(work);
        }
    }

    /**
     * Keeps the {@code keep} newest complete backups in {@code dir} and deletes older ones (files named as
     * {@link #inDirectory} names them; files of other names, and unfinished ones, are left alone). Returns what it
     * deleted.
     */
    public static List<Path> prune(Path dir, int keep) throws IOException {
        List<Path> deleted = new ArrayList<>();
        List<BackupArchive.Listed> found = BackupArchive.list(dir);
        for (BackupArchive.Listed old : found.subList(Math.min(keep, found.size()), found.size())) {
            Files.deleteIfExists(old.file());
            deleted.add(old.file());
        }
        return deleted;
    }

    /** The SQLite file, {@code <data dir>/dateline.db} unless the URL names another. */
    public static Path sqliteFile(DataProperties data) {
        String url = data.url();
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length());
            return Path.of(file.contains("?") ? file.substring(0, file.indexOf('?')) : file);
        }
        return data.dir().resolve("dateline.db");
    }

    /** A transactionally consistent copy of dateline.db, taken while writers carry on (WAL mode). */
    private static Manifest.Database sqlite(DataProperties data, Path work, List<BackupArchive.Source> sources)
            throws Failed, SQLException {
        Path db = sqliteFile(data);
        if (!Files.isRegularFile(db)) {
            throw new Failed("No database at " + db.toAbsolutePath() + ": nothing to back up. (Is --data-dir right?)");
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
        return new Manifest.Database("sqlite", version, "database/dateline.db");
    }

    private static Manifest.Database postgres(DataProperties data, Function<String, String> env, Path work,
            List<BackupArchive.Source> sources) throws Failed, SQLException, IOException, InterruptedException {
        Postgres postgres = new Postgres(data, env);
        Path pgDump = postgres.tool("pg_dump").orElseThrow(() -> new Failed("pg_dump is not on the PATH: a "
                + "PostgreSQL backup needs it (Debian: apt-get install postgresql-client-NN, NN the server's major "
                + "version or newer). Nothing was written."));
        String version;
        try (Connection connection = DriverManager.getConnection(data.url(), data.username(), data.password())) {
            version = SchemaVersion.of(connection);
        }
        Path dump = work.resolve("dateline.pgdump");
        var failed = postgres.run(pgDump, List.of("--format=custom", "--no-owner", "--file=" + dump,
                "--dbname=" + postgres.connectionUri()));
        if (failed.isPresent()) {
            StringBuilder message = new StringBuilder("pg_dump failed, nothing was written:");
            failed.get().lines().forEach(line -> message.append("\n  ").append(line));
            if (failed.get().contains("version mismatch")) {
                message.append("\npg_dump must be of the server's major version or newer.");
            }
            throw new Failed(message.toString());
        }
        sources.add(new BackupArchive.Source("database/dateline.pgdump", dump));
        return new Manifest.Database("postgresql", version, "database/dateline.pgdump");
    }

    /** The signing keys ({@code *.key}) at the top of the data directory and {@code media/}; -1: no media folder. */
    private static int dataFiles(Path dataDir, List<BackupArchive.Source> sources, List<String> keys)
            throws IOException {
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
