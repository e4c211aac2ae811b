package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.dateline.support.SiteClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A site whose index files were damaged starts anyway, says so, serves, and rebuilds the index from the database. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorruptIndexRecoveryTest {

    private static Path dataDir;

    @LocalServerPort
    private int port;

    @Autowired
    private SearchIndex index;

    @DynamicPropertySource
    static void damagedIndex(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("dateline-corrupt-index-");
        Path index = dataDir.resolve("index");
        try (LuceneIndex lucene = LuceneIndex.open(index)) {
            lucene.upsert(new IndexedArticle(999, "world", "A story the database never had", "", "Ghost text.", "",
                    List.of(), Instant.now()), 1);
            lucene.commit(1);
        }
        try (var files = Files.list(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, "not an index".getBytes());
            }
        }
        registry.add("dateline.data.dir", dataDir::toString);
        registry.add("dateline.data.url", () -> "");
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheDatabaseWhileTheSiteServes(CapturedOutput output) {
        SiteClient site = new SiteClient(port);
        assertThat(site.get("/").status()).isEqualTo(200);

        assertThat(index.backgroundRebuild()).succeedsWithin(Duration.ofSeconds(30));
        List<String> found = site.get("/search?q=levee").html().select("ol.results h2 a").eachAttr("href");

        assertThat(output.getAll()).contains("is unreadable").contains("rebuilding it from the database");
        assertThat(found).contains("/world/ossel-levee-breach-brennick-evacuation");
        assertThat(site.get("/search?q=ghost").html().select("ol.results")).isEmpty();
    }
}
