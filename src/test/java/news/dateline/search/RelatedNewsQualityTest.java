package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related News must beat a plain TF-IDF cosine ranking (precision@5 0.925) on the BBC corpus. Also bench/related-quality.sh. */
class RelatedNewsQualityTest {

    static final double TF_IDF_COSINE_BASELINE = 0.925;

    @Test
    void relatedNewsBeatsThePlainTfIdfBaselineOnTheBbcCorpus(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(RelatedNewsQuality.BBC),
                "Skipping: the labelled corpus " + RelatedNewsQuality.BBC + " is absent");

        var figures = RelatedNewsQuality.measure(RelatedNewsQuality.read(RelatedNewsQuality.BBC), dir);

        System.out.print(figures.report());
        assertThat(figures.overall()).isGreaterThan(TF_IDF_COSINE_BASELINE);
    }
}
