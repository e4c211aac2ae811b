package news.dateline.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import news.dateline.platform.BuildInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup file: a zip of {@code database/...} (the SQLite copy or the pg_dump file), {@code data/...} (the
 * signing keys and the media folder, by their paths in the data directory) and {@code manifest.json} last. It is
 * written as {@code NAME.partial} and renamed when complete, so an interrupted backup never has a backup's name,
 * and it is read only after every entry matched the manifest's size and SHA-256.
 */
public final class BackupArchive {

    public static final String PREFIX = "dateline-backup-";
    public static final String SUFFIX = ".zip";
    public static final String PARTIAL = ".partial";
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /** What the archive is refused for, said so that an operator knows what to do. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** One file going into the archive: its path inside it and where its bytes are now. */
    public record Source(String path, Path file) {
    }

    public static String fileName(Instant at) {
        return PREFIX + STAMP.format(at) + SUFFIX;
    }

    /** Writes the archive at {@code target} (through {@code target.partial}); returns its manifest. */
    public static Manifest write(Path target, List<Source> sources, Manifest.Database database, Instant at)
            throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        List<Manifest.Entry> entries = new ArrayList<>();
        boolean complete = false;
        try {
            createPrivately(partial); // it holds the signing keys and the accounts' password hashes
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.WRITE);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                for (Source source : sources) {
                    zip.putNextEntry(new ZipEntry(source.path()));
                    Sha256 hash;
                    try (InputStream in = Files.newInputStream(source.file())) {
                        hash = new Sha256().copy(in, zip);
                    }
                    zip.closeEntry();
                    entries.add(new Manifest.Entry(source.path(), hash.size(), hash.hex()));
                }
                Manifest manifest = new Manifest(Manifest.FORMAT, at.toString(), BuildInfo.version(),
                        BuildInfo.commit(), database, List.copyOf(entries));
                // stored, not compressed: `unzip -p FILE manifest.json` shows it as it is
                byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                ZipEntry manifestEntry = new ZipEntry(Manifest.NAME);
                manifestEntry.setMethod(ZipEntry.STORED);
                manifestEntry.setSize(json.length);
                manifestEntry.setCompressedSize(json.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(json);
                manifestEntry.setCrc(crc.getValue());
                zip.putNextEntry(manifestEntry);
                zip.write(json);
                zip.closeEntry();
                zip.finish();
                zip.flush();
                complete = true;
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return read(target);
        } catch (Refused impossible) {
            throw new IOException("The backup just written does not read back: " + impossible.getMessage());
        } finally {
            if (!complete) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Reads the archive and checks every entry against the manifest (size, SHA-256, nothing missing, nothing
     * extra, no path leaving the data directory). Writes nothing.
     */
    public static Manifest read(Path archive) throws Refused {
        String name = archive.getFileName().toString();
        if (name.endsWith(PARTIAL)) {
            throw new Refused(archive + " is an unfinished backup (it is renamed to " + name.substring(0,
                    name.length() - PARTIAL.length()) + " only when complete; this one was interrupted, or is still "
                    + "being written). It cannot be restored.");
        }
        if (!Files.isRegularFile(archive)) {
            throw new Refused("No such file: " + archive);
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(Manifest.NAME);
            if (manifestEntry == null) {
                throw new Refused(archive + " has no " + Manifest.NAME + ": it is not a Dateline backup.");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in.readAllBytes(), Manifest.class);
            } catch (JacksonException e) {
                throw new Refused(archive + " is damaged: its manifest cannot be read (" + e.getOriginalMessage()
                        + ").");
            }
            if (!Manifest.FORMAT.equals(manifest.format()) || manifest.files() == null
                    || manifest.database() == null) {
                throw new Refused(archive + " is not a backup this Dateline reads (format " + manifest.format()
                        + ", expected " + Manifest.FORMAT + ").");
            }
            Map<String, Manifest.Entry> expected = new LinkedHashMap<>();
            for (Manifest.Entry entry : manifest.files()) {
                if (!safe(entry.path())) {
                    throw new Refused(archive + " names a file outside the data directory: " + entry.path());
                }
                expected.put(entry.path(), entry);
            }
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.getName().equals(Manifest.NAME)) {
                    continue;
                }
                Manifest.Entry listed = expected.get(entry.getName());
                if (listed == null) {
                    throw new Refused(archive + " holds " + entry.getName() + ", which its manifest does not list.");
                }
                Sha256 hash;
                try (InputStream in = zip.getInputStream(entry)) {
                    hash = new Sha256().copy(in, null);
                } catch (ZipException e) {
                    throw new Refused(archive + " is damaged: " + entry.getName() + " cannot be read ("
                            + e.getMessage() + ").");
                }
                if (hash.size() != listed.size() || !hash.hex().equals(listed.sha256())) {
                    throw new Refused(archive + " is damaged: " + entry.getName() + " does not match its checksum"
                            + " (SHA-256 " + hash.hex() + ", " + hash.size() + " bytes; the manifest says "
                            + listed.sha256() + ", " + listed.size() + " bytes).");
                }
                seen.add(entry.getName());
            }
            for (String path : expected.keySet()) {
                if (!seen.contains(path)) {
                    throw new Refused(archive + " is incomplete: " + path + " is missing.");
                }
            }
            if (!seen.contains(manifest.database().path())) {
                throw new Refused(archive + " holds no database.");
            }
            return manifest;
        } catch (ZipException e) {
            throw new Refused(archive + " is not a complete backup (" + e.getMessage()
                    + "): truncated, damaged, or not a Dateline backup.");
        } catch (IOException e) {
            throw new Refused("Cannot read " + archive + ": " + e.getMessage());
        }
    }

    /** Creates an empty file only its owner may read, where the file system has POSIX permissions. */
    public static void createPrivately(Path file) throws IOException {
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        }
    }

    /** Under database/ or data/, relative, no "." or ".." step, no backslash or control character. */
    public static boolean safe(String path) {
        if (!(path.startsWith("database/") || path.startsWith("data/")) || path.endsWith("/")
                || path.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return false;
        }
        for (String step : path.split("/")) {
            if (step.isEmpty() || step.equals(".") || step.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Writes the archive's files under {@code dir} by their paths in it, checking each checksum again. */
    public static void extract(Path archive, Manifest manifest, Path dir) throws IOException, Refused {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Manifest.Entry entry : manifest.files()) {
                Path target = dir.resolve(entry.path()).normalize();
                if (!target.startsWith(dir)) {
                    throw new Refused("Refused path " + entry.path());
                }
                Files.createDirectories(target.getParent());
                Sha256 hash;
                createPrivately(target);
                try (InputStream in = zip.getInputStream(zip.getEntry(entry.path()));
                        OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    hash = new Sha256().copy(in, out);
                }
                if (!hash.hex().equals(entry.sha256())) {
                    throw new Refused(archive + " changed while it was being restored: " + entry.path());
                }
            }
        }
    }

    /** The complete backups in {@code dir}, newest first; unfinished ({@code .partial}) ones are not among them. */
    public static List<Listed> list(Path dir) throws IOException {
        List<Listed> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && Files.isRegularFile(f);
            }).toList()) {
                found.add(new Listed(file, manifestOnly(file)));
            }
        }
        found.sort(Comparator.comparing((Listed l) -> l.file().getFileName().toString()).reversed());
        return found;
    }

    /** A backup file with its manifest, or the reason it cannot be one (read without checking every checksum). */
    public record Listed(Path file, Optional<Manifest> manifest) {
    }

    private static Optional<Manifest> manifestOnly(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(Manifest.NAME);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(JSON.readValue(in.readAllBytes(), Manifest.class));
            }
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
