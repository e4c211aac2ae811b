package news.dateline.wire.desk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open wire desks and what is pushed to them: each committed flash, alert or urgent item as a {@code flash}
 * event, and a comment line every 15 s so proxies keep the connection. The same shape as live's streams: desks
 * held by this node get the event from here; with {@code DATELINE_GRIP_URL} set, the event is also published to
 * Pushpin's channel {@code wire-desk}, which reaches the desks Pushpin holds for any node. Only the node whose
 * intake stored the item sends it (docs/wire.md).
 */
@Component
public class DeskStreams implements SmartLifecycle {

    static final String CHANNEL = "wire-desk";
    static final int MAX_DESKS = 200;
    private static final Logger log = LoggerFactory.getLogger(DeskStreams.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<SseEmitter> desks = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
    private final String gripUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    DeskStreams(@Value("${dateline.grip.url:}") String gripUrl) {
        this.gripUrl = gripUrl == null ? "" : gripUrl.strip();
    }

    /** A new stream for an open desk, or empty when this node already holds {@link #MAX_DESKS}. */
    Optional<SseEmitter> open() {
        if (!running || desks.size() >= MAX_DESKS) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        desks.add(emitter);
        emitter.onCompletion(() -> desks.remove(emitter));
        emitter.onTimeout(() -> {
            desks.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> desks.remove(emitter));
        // Sent at once: it commits the headers, so the browser knows it is connected.
        send(emitter, SseEmitter.event().reconnectTime(3_000));
        return Optional.of(emitter);
    }

    /** Whether this request came through Pushpin, which then holds it (GRIP). */
    boolean heldByPushpin(jakarta.servlet.http.HttpServletRequest request) {
        return !gripUrl.isEmpty() && request.getHeader("Grip-Sig") != null;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(WireFlash flash) {
        String data = json(flash);
        fanOut.submit(() -> {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name("flash").data(data);
            for (SseEmitter desk : desks) {
                send(desk, event);
            }
            if (!gripUrl.isEmpty()) {
                publish("event: flash\ndata: " + data + "\n\n");
            }
        });
    }

    static String json(WireFlash flash) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", flash.itemId());
        payload.put("provider", flash.provider());
        payload.put("urgency", flash.urgency());
        payload.put("urgencyLabel", switch (flash.urgency()) {
            case 1 -> "1 flash";
            case 2 -> "2 alert";
            default -> "3 urgent";
        });
        payload.put("headline", flash.headline());
        payload.put("slugline", flash.slugline());
        payload.put("located", flash.located());
        payload.put("version", flash.version());
        return JSON.writeValueAsString(payload);
    }

    private void publish(String content) {
        Map<String, Object> item = Map.of("channel", CHANNEL, "formats",
                Map.of("http-stream", Map.of("content", content)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gripUrl.replaceAll("/+$", "") + "/publish/"))
                .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items", List.of(item)))))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                log.warn("Pushpin at {} did not take a wire flash ({}); open desks see it on reload", gripUrl,
                        error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode());
            }
        });
    }

    private static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            return false;
        }
    }

    @Override
    public synchronized void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("wire-desk-heartbeat").daemon().factory());
        heartbeat.scheduleAtFixedRate(() -> {
            SseEmitter.SseEventBuilder ping = SseEmitter.event().comment("keep-alive");
            desks.forEach(desk -> send(desk, ping));
        }, 15, 15, TimeUnit.SECONDS);
        running = true;
    }

    /** Before the server's graceful shutdown: open desks would hold it for its whole timeout. */
    @Override
    public synchronized void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        desks.forEach(SseEmitter::complete);
        desks.clear();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        fanOut.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
