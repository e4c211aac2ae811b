package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import news.dateline.DatelineApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reindex command builds a complete index from the database, which a later start trusts. */
class ReindexCommandTest {

    @Test
    void reindexBuildsTheIndexFromTheDatabaseAndExitsWithZero(@TempDir Path dataDir) throws Exception {
        String[] args = {"reindex", "--dateline.data.dir=" + dataDir, "--dateline.data.url=",
                "--spring.main.banner-mode=off"};

        assertThat(ReindexCommand.run(DatelineApplication.class, args)).isZero();

        assertThat(LuceneIndex.exists(dataDir.resolve("index"))).isTrue();
        try (LuceneIndex index = LuceneIndex.open(dataDir.resolve("index"))) {
            assertThat(index.followedUntil()).as("marked complete").isPositive();
        }
    }
}
