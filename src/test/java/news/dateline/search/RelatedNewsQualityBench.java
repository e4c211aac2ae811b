package news.dateline.search;

import java.nio.file.Files;
import java.nio.file.Path;

/** bench/related-quality.sh: prints Related News precision@5 on the BBC corpus, overall and per topic. */
public final class RelatedNewsQualityBench {

    private RelatedNewsQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : RelatedNewsQuality.BBC;
        if (!Files.isRegularFile(corpus)) {
            System.out.println("Skipped: the labelled corpus " + corpus + " is absent.");
            return;
        }
        Path dir = Files.createTempDirectory("dateline-related-quality-");
        try {
            System.out.print(RelatedNewsQuality.measure(RelatedNewsQuality.read(corpus), dir.resolve("index")).report());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
