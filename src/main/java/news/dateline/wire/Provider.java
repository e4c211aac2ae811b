package news.dateline.wire;

import java.nio.file.Path;
import java.time.Instant;

/** Where items come from: a folder (or, later, a feed) with the credit its stories print. */
record Provider(long id, String name, String sourceCredit, String kind, String folder, int expectedMinutes,
        Instant lastReceivedAt) {

    /** The folder holding {@code incoming/}, {@code processed/} and {@code error/}. */
    Path root(Path dataDir) {
        if (!folder.isBlank()) {
            return Path.of(folder);
        }
        Path wire = dataDir.resolve("wire");
        return name.equals("wire") ? wire : wire.resolve(name);
    }

    boolean watchesFolder() {
        return kind.equals("folder");
    }
}
