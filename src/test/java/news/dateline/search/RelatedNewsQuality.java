package news.dateline.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.search.IndexSearcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision@5 of Related News on a labelled news corpus: for every story, the share of its five related
 * stories that carry the same topic label. Stories whose text is an exact copy of the one asked about are
 * skipped (the corpus has some; finding them says nothing). A story with fewer than five related stories
 * counts the missing places as misses. The corpus goes through the same indexing and ranking code as the site.
 */
final class RelatedNewsQuality {

    static final Path BBC = Path.of("../shared/testdata/news-corpus/bbc-news-dev.jsonl");
    static final int K = 5;

    record Story(String id, String category, String title, String body) {
    }

    record Figures(double overall, Map<String, Double> byTopic, int stories, int shortLists, long millis) {

        String report() {
            StringBuilder text = new StringBuilder("Related News precision@5 over %d stories: %.3f (%d with fewer than 5)%n"
                    .formatted(stories, overall, shortLists));
            byTopic.forEach((topic, p) -> text.append("  %-14s %.3f%n".formatted(topic, p)));
            text.append("  measured in %d ms%n".formatted(millis));
            return text.toString();
        }
    }

    private RelatedNewsQuality() {
    }

    static List<Story> read(Path corpus) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Story> stories = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                stories.add(json.readValue(line, Story.class));
            }
        }
        return stories;
    }

    static Figures measure(List<Story> stories, Path indexDir) throws IOException {
        long started = System.currentTimeMillis();
        Instant sameDay = Instant.parse("2005-01-01T12:00:00Z"); // the corpus has no dates: age plays no part
        List<IndexedArticle> articles = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            articles.add(new IndexedArticle(i + 1, "news", story.title(), "", story.body(), "", List.of(), sameDay));
        }
        Map<String, double[]> byTopic = new TreeMap<>();
        double sum = 0;
        int shortLists = 0;
        try (LuceneIndex index = LuceneIndex.open(indexDir)) {
            for (IndexedArticle article : articles) {
                index.add(article, 0);
            }
            index.refresh();
            IndexSearcher searcher = index.acquire();
            try {
                for (IndexedArticle article : articles) {
                    Story story = stories.get((int) article.id() - 1);
                    List<Long> related = RelatedRanking.relatedIds(searcher, article, K + 5).stream()
                            .filter(id -> !stories.get((int) (id - 1)).body().equals(story.body()))
                            .limit(K)
                            .toList();
                    long same = related.stream()
                            .filter(id -> stories.get((int) (id - 1)).category().equals(story.category()))
                            .count();
                    double precision = (double) same / K;
                    shortLists += related.size() < K ? 1 : 0;
                    sum += precision;
                    double[] topic = byTopic.computeIfAbsent(story.category(), c -> new double[2]);
                    topic[0] += precision;
                    topic[1]++;
                }
            } finally {
                index.release(searcher);
            }
        }
        Map<String, Double> topics = new TreeMap<>();
        byTopic.forEach((topic, total) -> topics.put(topic, total[0] / total[1]));
        return new Figures(sum / stories.size(), topics, stories.size(), shortLists,
                System.currentTimeMillis() - started);
    }
}
