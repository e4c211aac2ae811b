package news.dateline.interchange.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.util.unit.DataSize;

/**
 * A zip of WordPress's {@code wp-content/uploads}, sent with the newsroom's import, unpacked into a temporary folder
 * of its own so that the import can read it as it reads {@code --uploads DIR}; {@link #close()} removes the folder.
 * Refused whole, before anything is imported, when any entry would land outside the folder ({@code ..}, an absolute
 * name, a drive letter), is a link, or when the zip holds more files or would unpack to more bytes than allowed
 * (a zip bomb is stopped while it is being written, whatever its entries claim).
 */
public final class UploadsZip implements AutoCloseable {

    static final String NOT_A_ZIP = "\"%s\" could not be unpacked as a zip file (%s). Nothing was imported.";
    static final String OUTSIDE = "\"%s\" holds \"%s\", whose path leaves the folder it unpacks into. Nothing was "
            + "imported.";
    static final String LINK = "\"%s\" holds \"%s\", a link: an uploads folder holds files only. Nothing was imported.";
    static final String TOO_MANY = "\"%s\" holds more than %d files (dateline.import.uploads-max-files). Nothing was "
            + "imported.";
    static final String TOO_LARGE = "\"%s\" unpacks to more than %s (dateline.import.uploads-max-unpacked). Nothing "
            + "was imported.";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** How much an uploads zip may hold once unpacked: bytes in all, and files. */
    public record Limits(DataSize maxUnpacked, int maxFiles) {

        public Limits {
            if (maxUnpacked == null || maxUnpacked.toBytes() <= 0 || maxFiles <= 0) {
                throw new IllegalArgumentException("dateline.import.uploads-max-unpacked and uploads-max-files must "
                        + "be positive, not " + maxUnpacked + " and " + maxFiles);
            }
        }
    }

    /** Why a zip was not unpacked: the message names the zip and the entry. */
    public static final class Refused extends Exception {

        Refused(String message) {
            super(message);
        }
    }

    private final Path temporary;
    private final Path folder;

    private UploadsZip(Path temporary, Path folder) {
        this.temporary = temporary;
        this.folder = folder;
    }

    /**
     * Unpacks {@code zip} ({@code name} is what the sender called it, for messages) into a new temporary folder.
     * On a refusal or a failure nothing of it is left on disk.
     */
    public static UploadsZip unpack(Path zip, String name, Limits limits) throws Refused, IOException {
        Path temporary = Files.createTempDirectory("dateline-uploads-");
        try {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Set<String> links = links(zip, name);
                if (file.size() > limits.maxFiles()) {
                    throw new Refused(TOO_MANY.formatted(name, limits.maxFiles()));
                }
                List<ZipEntry> entries = new ArrayList<>();
                long claimed = 0;
                for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); ) {
                    ZipEntry entry = all.nextElement();
                    if (!inside(entry.getName())) {
                        throw new Refused(OUTSIDE.formatted(name, entry.getName()));
                    }
                    if (links.contains(entry.getName())) {
                        throw new Refused(LINK.formatted(name, entry.getName()));
                    }
                    claimed += Math.max(0, entry.getSize());
                    entries.add(entry);
                }
                if (claimed > limits.maxUnpacked().toBytes()) {
                    throw new Refused(TOO_LARGE.formatted(name, limits.maxUnpacked().toMegabytes() + " MB"));
                }
                long[] written = {0};
                for (ZipEntry entry : entries) {
                    write(file, entry, temporary, name, limits, written);
                }
            } catch (IOException e) {
                // a damaged or unreadable zip (or a full disk): refused with the reason, never an error page
                throw new Refused(NOT_A_ZIP.formatted(name, e.getMessage()));
            }
            return new UploadsZip(temporary, root(temporary));
        } catch (Refused | IOException | RuntimeException e) {
            remove(temporary);
            throw e;
        }
    }

    /** The uploads folder inside: {@code wp-content/uploads/…} or {@code uploads/…} zipped whole is looked into. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        remove(temporary);
    }

    private static void write(ZipFile file, ZipEntry entry, Path root, String name, Limits limits, long[] written)
            throws IOException, Refused {
        Path target = root.resolve(entry.getName().replace('\\', '/')).normalize();
        if (!target.startsWith(root)) {
            throw new Refused(OUTSIDE.formatted(name, entry.getName())); // checked above; never written outside
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        long max = limits.maxUnpacked().toBytes();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getInputStream(entry);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written[0] += n;
                if (written[0] > max) {
                    // the entries' sizes said less: the bytes, not the claims, are what count
                    throw new Refused(TOO_LARGE.formatted(name, limits.maxUnpacked().toMegabytes() + " MB"));
                }
                out.write(buffer, 0, n);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // the same name twice: the first is kept
        }
    }

    /** Whether an entry's name stays inside the folder it unpacks into. */
    static boolean inside(String entryName) {
        if (entryName == null || entryName.isEmpty() || entryName.indexOf('\0') >= 0) {
            return false;
        }
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || DRIVE.matcher(name).find()) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A zip of a folder whose only entry is one folder (not a year's): that folder, as deep as that goes. */
    private static Path root(Path temporary) throws IOException {
        Path root = temporary;
        for (int depth = 0; depth < 4; depth++) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                entries.forEach(children::add);
            }
            if (children.size() != 1 || !Files.isDirectory(children.getFirst())
                    || YEAR.matcher(children.getFirst().getFileName().toString()).matches()) {
                break;
            }
            root = children.getFirst();
        }
        return root;
    }

    private static void remove(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The names of the zip's symbolic links, read from its central directory (the JDK's zip reader does not tell
     * them: a Unix zip marks a link in an entry's external attributes, the file type in their upper half).
     */
    private static Set<String> links(Path zip, String name) throws IOException, Refused {
        try {
            return linksIn(zip, name);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Refused(NOT_A_ZIP.formatted(name, "a damaged central directory"));
        }
    }

    private static Set<String> linksIn(Path zip, String name) throws IOException, Refused {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = read(channel, size - tail, tail);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == 0x06054b50) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new Refused(NOT_A_ZIP.formatted(name, "no end of central directory"));
            }
            long entries = end.getShort(at + 10) & 0xFFFF;
            long length = end.getInt(at + 12) & 0xFFFFFFFFL;
            long offset = end.getInt(at + 16) & 0xFFFFFFFFL;
            if ((entries == 0xFFFF || length == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) && at >= 20
                    && end.getInt(at - 20) == 0x07064b50) {
                // ZIP64: the real figures are in its own end record
                ByteBuffer zip64 = read(channel, end.getLong(at - 20 + 8), 56);
                if (zip64.getInt(0) != 0x06064b50) {
                    throw new Refused(NOT_A_ZIP.formatted(name, "a damaged ZIP64 directory"));
                }
                length = zip64.getLong(40);
                offset = zip64.getLong(48);
            }
            if (length > 64L << 20 || offset < 0 || offset + length > size) {
                throw new Refused(NOT_A_ZIP.formatted(name, "a damaged central directory"));
            }
            ByteBuffer directory = read(channel, offset, (int) length);
            Set<String> links = new HashSet<>();
            for (int i = 0; i + 46 <= length && directory.getInt(i) == 0x02014b50; ) {
                int system = (directory.getShort(i + 4) >> 8) & 0xFF;
                int names = directory.getShort(i + 28) & 0xFFFF;
                int extra = directory.getShort(i + 30) & 0xFFFF;
                int comment = directory.getShort(i + 32) & 0xFFFF;
                long attributes = directory.getInt(i + 38) & 0xFFFFFFFFL;
                boolean unix = system == 3 || system == 19; // Unix, OS X
                if (unix && ((attributes >>> 16) & 0xF000) == 0xA000 && i + 46 + names <= length) {
                    byte[] bytes = new byte[names];
                    directory.get(i + 46, bytes);
                    boolean utf8 = (directory.getShort(i + 8) & 0x800) != 0;
                    links.add(new String(bytes, utf8 ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (!utf8) {
                        links.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)); // as the JDK reads it
                    }
                }
                i += 46 + names + extra + comment;
            }
            return links;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // read on
        }
        buffer.flip();
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }
}
