package news.dateline.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/search.sh: builds an index of {@code bench.articles} (100,000) generated articles with the site's
 * indexing code, then times searches (query, filters, sorting, highlighting of a page of 10) and Related News.
 * Times are for the index work alone; the database lookup of the page's stories is not included.
 */
@Tag("bench")
class SearchBenchmark {

    private static final int ARTICLES = Integer.getInteger("bench.articles", 100_000);
    private static final int WARM_UP = 500;
    private static final int MEASURED = 2_000;

    @Test
    void searchAndRelatedNewsOnAHundredThousandArticles(@TempDir Path dir) throws IOException {
        SyntheticNews news = new SyntheticNews();
        List<IndexedArticle> articles = news.articles(ARTICLES);

        long started = System.nanoTime();
        double buildSeconds;
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
            for (IndexedArticle article : articles) {
                index.add(article, 1);
            }
            index.commit(1);
            index.refresh();
            buildSeconds = (System.nanoTime() - started) / 1e9;
        }
        // Closing waits for the merges the build started, as a running site's index has long finished them; timing
        // straight after the build measured the merges' competition for the two cores, not the queries.
        long bytes;
        try (var files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
            IndexSearcher searcher = index.acquire();
            try {
                double[] search = time(WARM_UP, MEASURED, () -> {
                    var random = news.random();
                    int kind = random.nextInt(10);
                    SearchRequest request = new SearchRequest(news.query(articles),
                            kind == 0 ? news.section() : null, null, null, kind == 1, 1 + (kind == 2 ? 1 : 0), 10);
                    ArticleSearch.search(searcher, request);
                });
                double[] related = time(WARM_UP, MEASURED, () -> RelatedRanking.relatedIds(searcher,
                        articles.get(news.random().nextInt(articles.size())), 5));
                System.out.printf("""
                        %,d generated articles (%.0f words each on average), index %.0f MB in %d segments
                        index build: %.1f s (%,.0f articles/s)
                        search:       p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (%,d queries)
                        Related News: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (%,d articles)
                        """, ARTICLES, averageWords(articles), bytes / 1e6,
                        searcher.getIndexReader().leaves().size(), buildSeconds, ARTICLES / buildSeconds,
                        search[0], search[1], search[2], MEASURED, related[0], related[1], related[2], MEASURED);
            } finally {
                index.release(searcher);
            }
        }
    }

    private interface Work {
        void run() throws IOException;
    }

    /** p50, p95 and p99 in milliseconds, after a warm-up. */
    private static double[] time(int warmUp, int measured, Work work) throws IOException {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[measured / 2], millis[(int) (measured * 0.95)], millis[(int) (measured * 0.99)]};
    }

    private static double averageWords(List<IndexedArticle> articles) {
        return articles.stream().mapToInt(a -> ArticleFields.allText(a).split("\\s+").length).average().orElse(0);
    }
}
