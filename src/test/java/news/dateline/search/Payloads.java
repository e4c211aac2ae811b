package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import news.dateline.support.SiteClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The shared XSS and SQL-injection payloads (../shared/testdata/payloads), and a fast way to send them all. */
final class Payloads {

    static final Path DIR = Path.of("../shared/testdata/payloads");
    private static final int PARALLEL = 4;

    private Payloads() {
    }

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("xss-all.txt")) && Files.isRegularFile(DIR.resolve("sqli-all.txt"));
    }

    /**
     * About {@code count} lines spread evenly over both files, plus the longest line: enough to cover every kind
     * of payload over HTTP while the suite stays fast (every line goes through the search code in-process in
     * SearchIndexCorpusTest).
     */
    static List<String> sample(int count) {
        List<String> all = all();
        List<String> sample = new ArrayList<>();
        int stride = Math.max(1, all.size() / count);
        for (int i = 0; i < all.size(); i += stride) {
            sample.add(all.get(i));
        }
        sample.add(all.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow());
        return sample;
    }

    static List<String> all() {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(DIR.resolve("xss-all.txt"), StandardCharsets.UTF_8));
            lines.addAll(Files.readAllLines(DIR.resolve("sqli-all.txt"), StandardCharsets.UTF_8));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Requests every path made from every input, four at a time, and asserts that each answered 200 with the
     * search page, no script element and no event-handler attribute. Reports every input that did not.
     */
    static void requestAll(SiteClient site, List<String> inputs, Function<String, List<String>> paths) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> done = new ArrayList<>();
            for (String input : inputs) {
                done.add(pool.submit(() -> {
                    for (String path : paths.apply(input)) {
                        String problem = check(site, path);
                        if (problem != null) {
                            failures.add(problem + " for input " + input);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(failures).as("inputs that did not get the search page (of %d)", inputs.size()).isEmpty();
    }

    static final java.util.concurrent.atomic.AtomicLong GET = new java.util.concurrent.atomic.AtomicLong();
    private static String check(SiteClient site, String path) {
        SiteClient.Page page = site.get(path);
        if (page.status() != 200) {
            return "status " + page.status();
        }
        Document html = Jsoup.parse(page.body());
        if (!html.select("h1").text().equals("Search")) {
            return "no search page";
        }
        if (!html.select("script").isEmpty()) {
            return "a script element";
        }
        for (Element element : html.getAllElements()) {
            for (var attribute : element.attributes()) {
                if (attribute.getKey().toLowerCase().startsWith("on")) {
                    return "an event handler attribute " + attribute.getKey();
                }
            }
        }
        return null;
    }
}
