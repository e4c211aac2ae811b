package news.dateline.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up news for benchmarks: a fixed seed gives the same articles every run. Words are pseudo-words from
 * syllables with a Zipf-like frequency, as in real text; each article belongs to one of {@value #TOPICS} topics
 * whose own words and tags it uses more often, so "more like this" has something to find.
 */
final class SyntheticNews {

    static final int TOPICS = 60;
    static final String[] SECTIONS = {"world", "politics", "business", "science", "culture", "sport", "tech",
            "health"};
    private static final String[] SYLLABLES = {"ka", "lo", "mer", "tan", "vi", "so", "ra", "den", "pol", "um",
            "ti", "gar", "ne", "bo", "sel", "quin", "fa", "dro", "lis", "ham", "pe", "zor", "wil", "cy", "mon",
            "ar", "es", "tro", "bel", "ki", "nu", "vas", "or", "gi", "lan", "shi", "pra", "te", "dun", "ix"};
    private static final String[] FUNCTION_WORDS = {"the", "of", "and", "to", "in", "a", "said", "on", "for",
            "that", "is", "was", "with", "by", "at", "it", "from", "as", "has", "will", "after", "be", "their"};

    private final Random random = new Random(42);
    private final List<String> general;
    private final List<List<String>> topicWords = new ArrayList<>();
    private final List<List<String>> topicTags = new ArrayList<>();
    private final List<String> places;
    private final Instant newest = Instant.parse("2026-03-01T12:00:00Z");

    SyntheticNews() {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < 40_000) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        List<String> all = new ArrayList<>(words);
        general = all.subList(0, 20_000);
        List<String> specialised = all.subList(20_000, 38_000);
        places = all.subList(38_000, 38_300).stream().map(SyntheticNews::capitalised).toList();
        for (int t = 0; t < TOPICS; t++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                own.add(specialised.get(random.nextInt(specialised.size())));
            }
            topicWords.add(own);
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tags.add(capitalised(own.get(i)) + " " + capitalised(own.get(i + 12)));
            }
            topicTags.add(tags);
        }
    }

    List<IndexedArticle> articles(int count) {
        List<IndexedArticle> articles = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            articles.add(article(id));
        }
        return articles;
    }

    private IndexedArticle article(long id) {
        int topic = random.nextInt(TOPICS);
        String headline = capitalised(words(topic, 6 + random.nextInt(4), 0.6));
        String standfirst = capitalised(words(topic, 15 + random.nextInt(10), 0.4)) + ".";
        StringBuilder body = new StringBuilder();
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0, sentences = 2 + random.nextInt(3); s < sentences; s++) {
                body.append(capitalised(words(topic, 8 + random.nextInt(12), 0.35))).append(". ");
            }
            body.append("\n");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String tag = topicTags.get(topic).get(zipf(topicTags.get(topic).size()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        Instant published = newest.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
        String place = random.nextBoolean() ? places.get(random.nextInt(places.size())) : "";
        return new IndexedArticle(id, SECTIONS[topic % SECTIONS.length], headline, standfirst, body.toString().strip(),
                place, tags, published);
    }

    /** A reader's query: one to three words a topic uses, sometimes a phrase from a headline. */
    String query(List<IndexedArticle> articles) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            String[] headline = articles.get(random.nextInt(articles.size())).headline().split(" ");
            int at = random.nextInt(headline.length - 1);
            return "\"" + headline[at] + " " + headline[at + 1] + "\"";
        }
        int topic = random.nextInt(TOPICS);
        StringBuilder query = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            query.append(i > 0 ? " " : "").append(topicWords.get(topic).get(zipf(60)));
        }
        return query.toString();
    }

    String section() {
        return SECTIONS[random.nextInt(SECTIONS.length)];
    }

    Random random() {
        return random;
    }

    private String words(int topic, int count, double topical) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double dice = random.nextDouble();
            String word = dice < topical ? topicWords.get(topic).get(zipf(300))
                    : dice < topical + 0.3 ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
                    : general.get(zipf(general.size()));
            text.append(i > 0 ? " " : "").append(word);
        }
        return text.toString();
    }

    /** An index in [0, size) where low indexes are much more likely, as word ranks are in real text. */
    private int zipf(int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(Math.pow(size + 1, u) - 1));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
