import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples are (bench/profile-render.sh): each jdk.ExecutionSample counted once, in
 * the first group that matches. Feature groups (comment section, JSON-LD, Related News, Markdown) count a sample
 * when any frame of its stack is theirs, whatever they call; the others by the innermost frame that is not the JDK.
 * Then the top self frames. Usage: java bench/JfrTopFrames.java recording.jfr [top]
 */
public class JfrTopFrames {

    /** Group name to class-name prefixes; order is priority. Feature groups first (inclusive). */
    static final Map<String, List<String>> FEATURES = new LinkedHashMap<>();
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();
    static {
        FEATURES.put("comment section", List.of("news.dateline.comment."));
        FEATURES.put("JSON-LD and head metadata", List.of("news.dateline.feed.PageMetadata", "news.dateline.feed.JsonLd"));
        FEATURES.put("Recent and Related News", List.of("news.dateline.search.RelatedNews", "news.dateline.search.Related"));
        FEATURES.put("Markdown", List.of("org.commonmark.", "news.dateline.story.MarkdownRenderer"));
        LAYERS.put("SQL (driver, pool, JdbcClient)", List.of("org.sqlite.", "com.zaxxer.hikari.", "org.springframework.jdbc.",
                "org.postgresql.", "news.dateline.platform.PoolGuard"));
        LAYERS.put("templates (JTE)", List.of("gg.jte."));
        LAYERS.put("security", List.of("org.springframework.security.", "news.dateline.account."));
        LAYERS.put("search (Lucene)", List.of("org.apache.lucene."));
        LAYERS.put("connector (Tomcat, NIO)", List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.",
                "sun.nio.", "java.nio.channels."));
        LAYERS.put("Spring MVC and filters", List.of("org.springframework.web.", "org.springframework.http.",
                "org.springframework.boot.web."));
        LAYERS.put("Dateline, other", List.of("news.dateline."));
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> groups = new LinkedHashMap<>();
        FEATURES.keySet().forEach(k -> groups.put(k, 0));
        LAYERS.keySet().forEach(k -> groups.put(k, 0));
        groups.put("other (JDK, GC, JIT)", 0);
        Map<String, Integer> self = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                var event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                // The start (first admin, sample site) may still be finishing on main: not the page's work.
                var thread = event.getThread("sampledThread");
                if (thread != null && "main".equals(thread.getJavaName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                groups.merge(groupOf(frames), 1, Integer::sum);
            }
        }
        System.out.printf("%d CPU samples%n%n| group | samples | share |%n|---|---:|---:|%n", total);
        for (var group : groups.entrySet()) {
            System.out.printf("| %s | %d | %.1f %% |%n", group.getKey(), group.getValue(), 100.0 * group.getValue() / Math.max(total, 1));
        }
        System.out.printf("%n| top self frames | samples | share |%n|---|---:|---:|%n");
        final int all = total;
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / all));
    }

    static String groupOf(List<RecordedFrame> frames) {
        for (var feature : FEATURES.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (matches(frame, feature.getValue())) {
                    return feature.getKey();
                }
            }
        }
        for (RecordedFrame frame : frames) {
            for (var layer : LAYERS.entrySet()) {
                if (matches(frame, layer.getValue())) {
                    return layer.getKey();
                }
            }
        }
        return "other (JDK, GC, JIT)";
    }

    static boolean matches(RecordedFrame frame, List<String> prefixes) {
        String type = frame.getMethod().getType().getName();
        return prefixes.stream().anyMatch(type::startsWith);
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
