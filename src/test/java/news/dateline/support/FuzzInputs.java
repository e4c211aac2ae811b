package news.dateline.support;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Inputs for the fuzz targets when they run in the suite: seeded (the failing input can be made again from the
 * seed and the count printed on failure), mixing the seeds' own text with characters that matter to the formats
 * (Markdown and XML punctuation, URL schemes, entities, control and bidirectional characters, surrogates). For a few
 * seconds by default; {@code -Ddateline.fuzz.seconds=N} runs longer (bench/fuzz.sh). Jazzer's {@code @FuzzTest}
 * does the coverage-guided fuzzing with {@code JAZZER_FUZZ=1}.
 */
public final class FuzzInputs {

    private static final String[] PIECES = {"[", "]", "(", ")", "<", ">", "!", "*", "_", "`", "```", "~~", "#", "\n",
            "\n\n", "  \n", "\t", "|", "-", "+", "1.", ">", "\\", "&", "&amp;", "&#x6a;", "&#0;", "\"", "'", "=", "/",
            ":", "data:", "javascript:", "vbscript:", "JaVaScRiPt:", "http://", "https://x.example/", "mailto:a@b.c",
            "<script>", "</script>", "<img src=x onerror=alert(1)>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml ",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "\u0000", "\u0001", "\u001f", "\u007f",
            "\u202e", "\u200b", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "é", "ß", "  ", "www.example.com"};

    private FuzzInputs() {
    }

    public static Duration budget() {
        return Duration.ofMillis((long) (Double.parseDouble(System.getProperty("dateline.fuzz.seconds", "3")) * 1000));
    }

    /** Calls {@code target} with generated inputs until the budget is spent; returns how many it tried. */
    public static long run(long seed, List<String> seeds, Consumer<String> target) {
        Random random = new Random(seed);
        long end = System.nanoTime() + budget().toNanos();
        long count = 0;
        while (System.nanoTime() < end) {
            String input = next(random, seeds);
            try {
                target.accept(input);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("Input " + count + " from seed " + seed + " (" + escape(input) + ") threw "
                        + e, e);
            }
            count++;
        }
        return count;
    }

    private static String next(Random random, List<String> seeds) {
        StringBuilder out = new StringBuilder();
        if (!seeds.isEmpty() && random.nextBoolean()) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            int from = random.nextInt(seed.length() + 1);
            int to = from + random.nextInt(seed.length() - from + 1);
            out.append(seed, 0, from);
            for (int i = random.nextInt(8); i >= 0; i--) {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.append(seed, to, seed.length());
            return out.toString();
        }
        for (int i = random.nextInt(60); i >= 0; i--) {
            if (random.nextInt(4) == 0) {
                out.append((char) random.nextInt(0x3000));
            } else {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().limit(400).forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c)
                : Character.toString(c)));
        return out.toString();
    }
}
