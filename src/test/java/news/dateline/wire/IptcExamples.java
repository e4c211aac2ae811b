package news.dateline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The IPTC ninjs repository's examples in ../shared/testdata/ninjs (MIT, IPTC; see its LICENSE-NOTE.md). */
final class IptcExamples {

    static final Path ROOT = Path.of("../shared/testdata/ninjs/examples");
    /** An event timeline: not a news item, and not valid against the ninjs 3 schema either. */
    static final Path COLLECTION = ROOT.resolve("3.0/collection");
    static final List<String> FOLDERS = List.of("1.4", "2.1", "3.0", "3.0/collection", "NewsML");

    private IptcExamples() {
    }

    /** Skips the calling test, naming the missing folder, when the examples are not beside the project. */
    static void assumePresent() {
        for (String folder : FOLDERS) {
            Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(folder)),
                    "IPTC ninjs examples missing: " + ROOT.resolve(folder).toAbsolutePath().normalize());
        }
    }

    /** Every example file: ninjs JSON and NewsML XML (the schema-extension samples are not ninjs items). */
    static List<Path> all() {
        return FOLDERS.stream().flatMap(folder -> list(ROOT.resolve(folder))).toList();
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml")).sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
