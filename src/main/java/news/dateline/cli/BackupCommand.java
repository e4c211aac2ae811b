package news.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import news.dateline.backup.BackupArchive;
import news.dateline.backup.Backups;
import news.dateline.backup.Manifest;
import news.dateline.backup.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dateline backup [--to DIR|FILE]}: one consistent archive of a data directory while the site keeps running
 * ({@link Backups}, docs/operations.md), or {@code --list} of the complete ones in a directory.
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
                ? Backups.inDirectory(given, now) : given;
        Backups.Taken taken;
        try {
            taken = Backups.take(settings.data(), target, invocation.terminal().env(), now);
        } catch (Backups.Failed failed) {
            err.println(failed.getMessage());
            return DatelineCli.FAILED;
        }
        Manifest.Database database = taken.manifest().database();
        out.printf("Backup written: %s (%s)%n", taken.file(), Sizes.human(Files.size(taken.file())));
        out.printf("  database   %s, schema version %s, %s%n", database.kind().equals("sqlite") ? "SQLite"
                : "PostgreSQL (pg_dump)", database.schemaVersion(), Sizes.human(taken.databaseSize()));
        out.printf("  keys       %s%n", taken.keys().isEmpty() ? "none in " + settings.dataDir()
                : String.join(", ", taken.keys()));
        out.printf("  media      %s%n", taken.mediaFiles() < 0 ? "no media folder" : taken.mediaFiles() + " files");
        if (!settings.mediaBucket().isEmpty()) {
            // The bucket can be far larger than the database, and the store has its own copies (docs/operations.md).
            out.printf("  photos     in S3 bucket %s: not in this backup (keep the bucket versioned or replicated)%n",
                    settings.mediaBucket());
        }
        out.println("  checksums  SHA-256 of every file in manifest.json, verified after writing");
        out.println("The search index is not in the backup: it is rebuilt from the database after a restore.");
        return DatelineCli.OK;
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
}
