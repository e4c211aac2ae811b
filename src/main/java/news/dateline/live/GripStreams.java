package news.dateline.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.StoryChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live streams held by Pushpin (GRIP) when {@code DATELINE_GRIP_URL} is set: a reader's request that came through
 * Pushpin is answered at once with hold headers and what the reader missed ({@link #hold}), and Pushpin keeps the
 * connection. Each entry committed on this node is then published to channel {@code live-{id}} through Pushpin's
 * HTTP publish API, once: only the writer publishes, since every Pushpin instance gets the same publish and other
 * nodes' followers would send it again (docs/scaling.md, "Live streams through Pushpin").
 */
@Component
class GripStreams {

    private static final Logger log = LoggerFactory.getLogger(GripStreams.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Pushpin signs each request it forwards with this header; a reader's own request does not carry it. */
    static final String GRIP_SIG = "Grip-Sig";

    private final GripProperties properties;
    private final LiveRepository live;
    private final LiveBlogs blogs;
    private final LiveStreams streams;
    private final HttpClient http;
    private final ExecutorService publishing = Executors.newVirtualThreadPerTaskExecutor();

    GripStreams(GripProperties properties, LiveRepository live, LiveBlogs blogs, LiveStreams streams) {
        this.properties = properties;
        this.live = live;
        this.blogs = blogs;
        this.streams = streams;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        if (properties.enabled()) {
            log.info("Live streams are held by Pushpin; entries are published to {}", properties.url());
        }
    }

    /** Whether this request should be held by Pushpin rather than by this node. */
    boolean holds(jakarta.servlet.http.HttpServletRequest request) {
        return properties.enabled() && request.getHeader(GRIP_SIG) != null;
    }

    static String channel(long articleId) {
        return "live-" + articleId;
    }

    /** The body of a held stream's first answer: the reconnect time, then every entry after {@code afterId}. */
    String hold(long articleId, long afterId) {
        StringBuilder body = new StringBuilder("retry: 3000\n\n");
        for (LiveEntry entry : live.entriesAfter(articleId, afterId)) {
            body.append(event("entry", entry.id(), streams.entryJson(blogs.view(entry))));
        }
        return body.toString();
    }

    /** Only changes committed on this node: a replayed one ({@code fallbackExecution}) was published by its writer. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(LiveEntryChanged change) {
        if (!properties.enabled()) {
            return;
        }
        publishing.submit(() -> {
            String content = switch (change.kind()) {
                case ADDED, EDITED -> live.find(change.entryId())
                        .map(entry -> change.kind() == LiveEntryChanged.Kind.ADDED
                                ? event("entry", entry.id(), streams.entryJson(blogs.view(entry)))
                                : event("update", null, streams.entryJson(blogs.view(entry))))
                        .orElse(null);
                case DELETED -> event("remove", null, JSON.writeValueAsString(Map.of("id", change.entryId())));
            };
            if (content != null) {
                publish(change.articleId(), List.of(Map.of("content", content)));
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StoryChanged change) {
        if (properties.enabled() && change.kind() == StoryChanged.Kind.LIVE_ENDED) {
            publishing.submit(() -> publish(change.articleId(),
                    List.of(Map.of("content", event("ended", null, "{}")), Map.of("action", "close"))));
        } else if (properties.enabled() && change.kind() == StoryChanged.Kind.UNPUBLISHED) {
            publishing.submit(() -> publish(change.articleId(), List.of(
                    Map.of("content", event("withdrawn", null, streams.withdrawnJson(change.articleId()))),
                    Map.of("action", "close"))));
        }
    }

    /** One item per http-stream format: the text to append to every held stream, or an action. */
    private void publish(long articleId, List<Map<String, String>> formats) {
        List<Map<String, Object>> items = formats.stream()
                .map(format -> Map.<String, Object>of("channel", channel(articleId), "formats",
                        Map.of("http-stream", format)))
                .toList();
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url().replaceAll("/+$", "") + "/publish/"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items", items))))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                log.warn("Pushpin at {} did not take live entries of article {} ({}); readers get them when their "
                        + "stream reconnects", properties.url(), articleId,
                        error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode());
            }
        });
    }

    /** One server-sent event as text; {@code id} only on new entries, so an edit does not move the resume point. */
    static String event(String name, Long id, String data) {
        StringBuilder event = new StringBuilder();
        if (id != null) {
            event.append("id: ").append(id).append('\n');
        }
        event.append("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        publishing.shutdown();
    }
}
