package news.dateline.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --data-dir DIR}, shared by every command that reads or writes the data directory. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory (default: DATELINE_DATA_DIR, else ./data).")
    Path dataDir;

    /** The Spring property the option stands for, if it was given. */
    List<String> asSpringArguments() {
        return dataDir == null ? List.of() : List.of("--dateline.data.dir=" + dataDir);
    }
}
