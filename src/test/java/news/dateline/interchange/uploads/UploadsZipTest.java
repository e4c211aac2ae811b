package news.dateline.interchange.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Issue 13: the newsroom's uploads zip is unpacked only inside its own folder and within its limits; whatever is
 * refused leaves nothing on disk. (The journey through the server is {@code UploadsImportJourneys}.)
 */
class UploadsZipTest {

    private static final UploadsZip.Limits LIMITS = new UploadsZip.Limits(DataSize.ofMegabytes(1), 10);

    @TempDir
    Path dir;

    @Test
    void aZipOfWpContentUploadsUnpacksToTheUploadsFolderAndCloseRemovesIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("wp-content/", new byte[0]);
        entries.put("wp-content/uploads/2021/04/ferry.jpg", bytes("ferry"));
        entries.put("wp-content/uploads/2021/05/gull.jpg", bytes("gull"));
        List<String> before = temporaryFolders();

        Path unpackedAt;
        try (UploadsZip zip = UploadsZip.unpack(write(zip(entries)), "uploads.zip", LIMITS)) {
            unpackedAt = zip.folder();
            assertThat(unpackedAt.getFileName().toString()).isEqualTo("uploads");
            assertThat(unpackedAt.resolve("2021/04/ferry.jpg")).hasBinaryContent(bytes("ferry"));
            assertThat(unpackedAt.resolve("2021/05/gull.jpg")).hasBinaryContent(bytes("gull"));
        }
        assertThat(unpackedAt).doesNotExist();
        assertThat(temporaryFolders()).isEqualTo(before);
    }

    @Test
    void aZipOfTheYearsFoldersIsTheUploadsFolderItself() throws Exception {
        try (UploadsZip zip = UploadsZip.unpack(write(zip(Map.of("2021/04/ferry.jpg", bytes("ferry")))),
                "uploads.zip", LIMITS)) {
            assertThat(zip.folder().resolve("2021/04/ferry.jpg")).exists();
        }
    }

    @Test
    void entriesOutsideTheFolderAreRefusedByName() throws Exception {
        for (String name : List.of("../evil.jpg", "2021/../../evil.jpg", "/etc/evil.jpg", "C:/evil.jpg",
                "..\\evil.jpg")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("2021/04/ferry.jpg", bytes("ferry"));
            entries.put(name, bytes("evil"));
            assertRefused(zip(entries), "\"uploads.zip\" holds \"" + name
                    + "\", whose path leaves the folder it unpacks into. Nothing was imported.");
        }
        assertThat(dir.resolve("evil.jpg")).doesNotExist();
    }

    @Test
    void aLinkIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2021/04/ferry.jpg", bytes("ferry"));
        entries.put("2021/04/passwd.jpg", bytes("/etc/passwd"));
        byte[] zip = zip(entries);
        markAsLink(zip, 1);
        assertRefused(zip, "\"uploads.zip\" holds \"2021/04/passwd.jpg\", a link: an uploads folder holds files "
                + "only. Nothing was imported.");
    }

    @Test
    void aZipBombIsRefusedWhetherItsEntriesSayHowLargeTheyAreOrNot() throws Exception {
        byte[] zeros = new byte[3 << 20]; // 3 MB of zeros: a few KB zipped
        byte[] honest = zip(Map.of("2021/04/zeros.jpg", zeros));
        assertThat(honest.length).isLessThan(64 * 1024);
        String tooLarge = "\"uploads.zip\" unpacks to more than 1 MB (dateline.import.uploads-max-unpacked). "
                + "Nothing was imported.";
        assertRefused(honest, tooLarge);

        byte[] lying = honest.clone();
        claimSize(lying, 0, 10); // the central directory says 10 bytes
        assertRefusedStartingWith(lying, "\"uploads.zip\"");
    }

    @Test
    void tooManyFilesAreRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("2021/04/f" + i + ".jpg", bytes("f" + i));
        }
        assertRefused(zip(entries), "\"uploads.zip\" holds more than 10 files (dateline.import.uploads-max-files). "
                + "Nothing was imported.");
    }

    @Test
    void somethingThatIsNoZipIsRefused() throws Exception {
        assertRefusedStartingWith("<rss>not a zip</rss>".getBytes(StandardCharsets.UTF_8),
                "\"uploads.zip\" could not be unpacked as a zip file (");
        byte[] cut = zip(Map.of("2021/04/ferry.jpg", new byte[5000]));
        assertRefusedStartingWith(java.util.Arrays.copyOf(cut, cut.length / 2),
                "\"uploads.zip\" could not be unpacked as a zip file (");
    }

    private void assertRefused(byte[] zip, String message) throws IOException {
        List<String> before = temporaryFolders();
        Path file = write(zip);
        assertThatThrownBy(() -> UploadsZip.unpack(file, "uploads.zip", LIMITS))
                .isInstanceOf(UploadsZip.Refused.class).hasMessage(message);
        assertThat(temporaryFolders()).isEqualTo(before);
    }

    private void assertRefusedStartingWith(byte[] zip, String start) throws IOException {
        List<String> before = temporaryFolders();
        Path file = write(zip);
        assertThatThrownBy(() -> UploadsZip.unpack(file, "uploads.zip", LIMITS))
                .isInstanceOf(UploadsZip.Refused.class).hasMessageStartingWith(start);
        assertThat(temporaryFolders()).isEqualTo(before);
    }

    private Path write(byte[] zip) throws IOException {
        Path file = Files.createTempFile(dir, "upload-", ".zip");
        Files.write(file, zip);
        return file;
    }

    private static List<String> temporaryFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("dateline-uploads-"))
                    .sorted().toList();
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The {@code index}-th central directory header, as a Unix zip marks a symbolic link (mode 0120777). */
    private static void markAsLink(byte[] zip, int index) {
        int at = centralHeader(zip, index);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(at + 4, (short) ((3 << 8) | 20)); // made by Unix
        buffer.putInt(at + 38, 0120777 << 16);
    }

    /** Makes the {@code index}-th entry's central directory claim {@code size} bytes unpacked. */
    private static void claimSize(byte[] zip, int index, int size) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(centralHeader(zip, index) + 24, size);
    }

    private static int centralHeader(byte[] zip, int index) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central header " + index);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
