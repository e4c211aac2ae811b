package news.dateline.backup;

import java.util.List;

/**
 * {@code manifest.json}, the last entry of a backup: what it holds and each file's size and SHA-256, the schema
 * version (Flyway's) of its database and the Dateline that wrote it. An archive without it is not a backup.
 */
public record Manifest(String format, String createdAt, String datelineVersion, String datelineCommit, Database database,
        List<Entry> files) {

    public static final String FORMAT = "dateline-backup/1";
    public static final String NAME = "manifest.json";

    /** {@code kind} is "sqlite" (a copy of dateline.db) or "postgresql" (a pg_dump custom-format file). */
    public record Database(String kind, String schemaVersion, String path) {
    }

    public record Entry(String path, long size, String sha256) {
    }

    public long totalSize() {
        return files.stream().mapToLong(Entry::size).sum();
    }
}
