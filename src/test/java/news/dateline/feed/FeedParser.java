package news.dateline.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's python3-feedparser (the parser behind many feed readers), run on feeds we serve, all in one process. Only Debian's
 * /usr/bin/python3 has it; .ci/run installs it. Tests skip, saying why, when it is missing.
 */
public final class FeedParser {

    static final String PYTHON = "/usr/bin/python3";

    private static final String SCRIPT = """
            import json, sys, feedparser
            results = []
            for feed in json.load(sys.stdin):
                d = feedparser.parse(feed.encode("utf-8"))
                results.append({
                    "bozo": int(bool(d.bozo)),
                    "exception": str(d.get("bozo_exception", "")),
                    "version": d.version,
                    "titles": [e.get("title", "") for e in d.entries],
                    "links": [e.get("link", "") for e in d.entries],
                    "enclosures": [[[n.get("href", ""), n.get("type", ""), str(n.get("length", ""))]
                                    for n in e.get("enclosures", [])] for e in d.entries],
                    "media": [[m.get("url", "") for m in e.get("media_content", [])] for e in d.entries],
                })
            print(json.dumps(results))
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedParser() {
    }

    /** Why feedparser cannot run here, or null when it can. */
    public static String unavailableBecause() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing (apt-get install -y python3-feedparser)";
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import feedparser").redirectErrorStream(true).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return PYTHON + " has no feedparser module (apt-get install -y python3-feedparser)";
            }
        } catch (IOException e) {
            return PYTHON + " could not start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /**
     * What feedparser made of each feed, in order: bozo, exception, version, titles, links, and per entry its
     * enclosures ({@code [href, type, length]}) and its Media RSS contents' addresses.
     */
    public static List<JsonNode> parse(List<String> feeds) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON, "-c", SCRIPT).start();
        python.getOutputStream().write(JSON.writeValueAsBytes(feeds));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
            throw new AssertionError("feedparser failed: " + err);
        }
        return JSON.readTree(out).valueStream().toList();
    }
}
