package news.dateline.platform.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret kept in a file of the data directory, made the first time it is needed. Nodes (or a command and the
 * site) sharing one directory may start at the same moment, so the file appears whole or not at all: the key is
 * written to a private temporary file first and then linked under its name, which fails if another process was
 * first, and then everyone reads the one that won. Creating the named file and writing into it afterwards would let
 * a racer read it empty in between.
 */
public final class KeyFile {

    /** How the bytes are kept in the file; each key keeps the form it was first written in. */
    public enum Form { BASE64, RAW }

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /** The key in {@code file}, made of {@code length} random bytes if there is no file yet. */
    public static byte[] readOrCreate(Path file, int length, Form form) {
        try {
            if (!Files.exists(file)) {
                create(file, length, form);
            }
            byte[] key = read(file, form);
            if (key.length < length) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds a key of " + key.length
                        + " bytes where " + length + " are needed; it was not written by this version."
                        + " Move it away to have a new key made (what the old one signed stops working).");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file, int length, Form form) throws IOException {
        byte[] fresh = new byte[length];
        RANDOM.nextBytes(fresh);
        byte[] content = form == Form.RAW ? fresh
                : Base64.getEncoder().encodeToString(fresh).getBytes(StandardCharsets.US_ASCII);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = privateTemporaryFile(dir, file.getFileName().toString());
        try {
            Files.write(temporary, content);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                if (noHardLinks instanceof FileAlreadyExistsException) {
                    return; // another process was first: its key is the one
                }
                // A file system without hard links: a move that refuses an existing target is the next best.
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException anotherWasFirst) {
                    // its key is the one
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path privateTemporaryFile(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(dir, "." + name + "-", ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, "." + name + "-", ".new"); // the data directory's own rights must do
        }
    }

    private static byte[] read(Path file, Form form) throws IOException {
        if (form == Form.RAW) {
            return Files.readAllBytes(file);
        }
        try {
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a key written by this version (not"
                    + " Base64). Move it away to have a new key made (what the old one signed stops working).");
        }
    }
}
