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

    /** Other values of the direct floor, measured in the same run: what moving it would cost. */
    static final double[] FLOORS = {0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2};
    /** A floor for the closest story only: below it the article has no real neighbour and lists none. */
    static final double[] BEST_FLOORS = {0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1};

    /** Other values of the direct similarity that makes a real neighbour without a shared name or tag. */
    static final double[] NAMELESS_FLOORS = {0.02, 0.04, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15, 0.2, 1};

    record Figures(double overall, Map<String, Double> byTopic, int stories, int shortLists, long millis,
            double[] byFloor, int[] shortByFloor, double[] byBestFloor, int[] emptyByBestFloor,
            double[] byNamelessFloor, int[] shortByNamelessFloor) {

        String report() {
            StringBuilder text = new StringBuilder("Related News precision@5 over %d stories: %.4f (%d with fewer than 5)%n"
                    .formatted(stories, overall, shortLists));
            byTopic.forEach((topic, p) -> text.append("  %-14s %.3f%n".formatted(topic, p)));
            text.append("  with the direct floor (RelatedRanking.MIN_DIRECT = %s) at:%n".formatted(RelatedRanking.MIN_DIRECT));
            for (int f = 0; f < FLOORS.length; f++) {
                text.append("    %.2f  precision@5 %.4f  (%d with fewer than 5)%n"
                        .formatted(FLOORS[f], byFloor[f], shortByFloor[f]));
            }
            text.append("  with none listed when the closest story's direct similarity is under:%n".formatted());
            for (int f = 0; f < BEST_FLOORS.length; f++) {
                text.append("    %.2f  precision@5 %.4f  (%d with none)%n"
                        .formatted(BEST_FLOORS[f], byBestFloor[f], emptyByBestFloor[f]));
            }
            text.append("  with none listed unless a story shares a tag or a name or has a direct similarity"
                    + " (MIN_DIRECT_NAMELESS = %s) of:%n"
                    .formatted(RelatedRanking.MIN_DIRECT_NAMELESS));
            for (int f = 0; f < NAMELESS_FLOORS.length; f++) {
                text.append("    %.2f  precision@5 %.4f  (%d with none)%n"
                        .formatted(NAMELESS_FLOORS[f], byNamelessFloor[f], shortByNamelessFloor[f]));
            }
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
        double[] byFloor = new double[FLOORS.length];
        int[] shortByFloor = new int[FLOORS.length];
        double[] byBestFloor = new double[BEST_FLOORS.length];
        int[] emptyByBestFloor = new int[BEST_FLOORS.length];
        double[] byNamelessFloor = new double[NAMELESS_FLOORS.length];
        int[] shortByNamelessFloor = new int[NAMELESS_FLOORS.length];
        try (LuceneIndex index = LuceneIndex.open(indexDir)) {
            for (IndexedArticle article : articles) {
                index.add(article, 0);
            }
            index.refresh();
            IndexSearcher searcher = index.acquire();
            try {
                for (IndexedArticle article : articles) {
                    Story story = stories.get((int) article.id() - 1);
                    List<RelatedRanking.Candidate> ranked = RelatedRanking.ranked(searcher, article).stream()
                            .filter(c -> !stories.get((int) (c.id() - 1)).body().equals(story.body()))
                            .toList();
                    for (int f = 0; f < FLOORS.length; f++) {
                        double floor = FLOORS[f];
                        List<RelatedRanking.Candidate> kept = ranked.stream().filter(c -> c.relevant(floor))
                                .limit(K).toList();
                        byFloor[f] += (double) kept.stream().filter(c -> stories.get((int) (c.id() - 1)).category()
                                .equals(story.category())).count() / K;
                        shortByFloor[f] += kept.size() < K ? 1 : 0;
                    }
                    for (int f = 0; f < NAMELESS_FLOORS.length; f++) {
                        double floor = NAMELESS_FLOORS[f];
                        List<RelatedRanking.Candidate> kept = RelatedRanking.listed(ranked, RelatedRanking.MIN_DIRECT,
                                floor).stream().limit(K).toList();
                        byNamelessFloor[f] += (double) kept.stream().filter(c -> stories.get((int) (c.id() - 1))
                                .category().equals(story.category())).count() / K;
                        shortByNamelessFloor[f] += kept.isEmpty() ? 1 : 0;
                    }
                    double best = ranked.stream().mapToDouble(RelatedRanking.Candidate::direct).max().orElse(0);
                    List<RelatedRanking.Candidate> plain = ranked.stream().filter(c -> c.relevant(0)).limit(K).toList();
                    long plainSame = plain.stream().filter(c -> stories.get((int) (c.id() - 1)).category()
                            .equals(story.category())).count();
                    for (int f = 0; f < BEST_FLOORS.length; f++) {
                        if (best < BEST_FLOORS[f]) {
                            emptyByBestFloor[f]++;
                        } else {
                            byBestFloor[f] += (double) plainSame / K;
                        }
                    }
                    List<Long> related = RelatedRanking.listed(ranked, RelatedRanking.MIN_DIRECT,
                                    RelatedRanking.MIN_DIRECT_NAMELESS).stream()
                            .limit(K)
                            .map(RelatedRanking.Candidate::id)
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
        for (int f = 0; f < FLOORS.length; f++) {
            byFloor[f] /= stories.size();
        }
        for (int f = 0; f < BEST_FLOORS.length; f++) {
            byBestFloor[f] /= stories.size();
        }
        for (int f = 0; f < NAMELESS_FLOORS.length; f++) {
            byNamelessFloor[f] /= stories.size();
        }
        return new Figures(sum / stories.size(), topics, stories.size(), shortLists,
                System.currentTimeMillis() - started, byFloor, shortByFloor,
                byBestFloor, emptyByBestFloor, byNamelessFloor, shortByNamelessFloor);
    }
}
