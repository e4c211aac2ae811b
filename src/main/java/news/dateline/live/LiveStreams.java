package news.dateline.live;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.StoryChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readers on this node who have a live article open, and what is pushed to them: each committed entry change
 * (rendered once, sent to all), a comment line every {@code heartbeat} so proxies keep the connection, "ended"
 * when coverage stops, and "withdrawn" (with the notice) when the story is unpublished, a kill included. Other nodes' writes arrive the same way, replayed by the change follower on PostgreSQL
 * (docs/scaling.md, docs/newsroom.md).
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long RECONNECT_MILLIS = 3_000;
    static final String WITHDRAWN = "This story is no longer available.";

    private final Map<Long, Set<SseEmitter>> readers = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LiveProperties properties;
    private final LiveRepository live;
    private final LiveBlogs blogs;
    private final java.util.List<news.dateline.story.withdrawal.WithdrawnStories> withdrawals;
    /** Fan-out runs off the writer's thread: an editor's POST must not wait for ten thousand sockets. */
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
    /** Made on start, shut on stop: a test's cached context is stopped while paused and started again. */
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    LiveStreams(LiveProperties properties, LiveRepository live, LiveBlogs blogs,
            io.micrometer.core.instrument.MeterRegistry meters,
            java.util.List<news.dateline.story.withdrawal.WithdrawnStories> withdrawals) {
        this.withdrawals = withdrawals;
        io.micrometer.core.instrument.Gauge.builder("dateline.live.streams.open", open, AtomicInteger::get)
                .description("Readers with a live article's event stream open on this node").register(meters);
        this.properties = properties;
        this.live = live;
        this.blogs = blogs;
    }

    /** A new stream for the article, or empty when this node already has {@code maxConnections} open. */
    Optional<SseEmitter> open(long articleId) {
        if (!running || open.incrementAndGet() > properties.maxConnections()) {
            if (running) {
                open.decrementAndGet();
            }
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Set<SseEmitter> forArticle = readers.computeIfAbsent(articleId, id -> ConcurrentHashMap.newKeySet());
        forArticle.add(emitter);
        Runnable forget = () -> {
            if (forArticle.remove(emitter)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(forget);
        emitter.onTimeout(() -> {
            forget.run();
            emitter.complete();
        });
        emitter.onError(error -> forget.run());
        return Optional.of(emitter);
    }

    int openStreams() {
        return open.get();
    }

    /** The events a reader who last saw {@code afterId} has missed; false if the stream is already gone. */
    boolean catchUp(SseEmitter emitter, long articleId, long afterId) {
        // Sent first, always: it commits the response headers at once, so the browser knows it is connected.
        if (!send(emitter, SseEmitter.event().reconnectTime(RECONNECT_MILLIS))) {
            return false;
        }
        for (var entry : live.entriesAfter(articleId, afterId)) {
            if (!send(emitter, entryEvent("entry", blogs.view(entry)))) {
                return false;
            }
        }
        return true;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LiveEntryChanged change) {
        Set<SseEmitter> audience = readers.get(change.articleId());
        if (audience == null || audience.isEmpty()) {
            return;
        }
        fanOut.submit(() -> {
            SseEventBuilder event = switch (change.kind()) {
                case ADDED, EDITED -> live.find(change.entryId())
                        .map(entry -> entryEvent(change.kind() == LiveEntryChanged.Kind.ADDED ? "entry" : "update",
                                blogs.view(entry)))
                        .orElse(null);
                case DELETED -> SseEmitter.event().name("remove")
                        .data(JSON.writeValueAsString(Map.of("id", change.entryId())));
            };
            if (event != null) {
                broadcast(audience, event);
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(StoryChanged change) {
        if (change.kind() != StoryChanged.Kind.LIVE_ENDED && change.kind() != StoryChanged.Kind.UNPUBLISHED) {
            return;
        }
        Set<SseEmitter> audience = readers.remove(change.articleId());
        if (audience != null) {
            // Unpublished (an agency's kill among others): the open pages say so, and nothing more will come.
            SseEventBuilder last = change.kind() == StoryChanged.Kind.UNPUBLISHED
                    ? SseEmitter.event().name("withdrawn").data(withdrawnJson(change.articleId()))
                    : SseEmitter.event().name("ended").data("{}");
            fanOut.submit(() -> {
                broadcast(audience, last);
                audience.forEach(SseEmitter::complete);
            });
        }
    }

    /** The "withdrawn" event's data: the kill's notice when there was one, on this node's streams and Pushpin's. */
    String withdrawnJson(long articleId) {
        String notice = withdrawals.stream().flatMap(w -> w.notice(articleId).stream()).findFirst()
                .orElse(WITHDRAWN);
        return JSON.writeValueAsString(Map.of("notice", notice));
    }

    /** What an entry's event carries, on this node's streams and through Pushpin ({@link GripStreams}). */
    String entryJson(LiveEntryView entry) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("id", entry.id());
        payload.put("html", blogs.entryHtml(entry));
        payload.put("keyHtml", entry.keyEvent() ? blogs.keyEventHtml(entry) : null);
        return JSON.writeValueAsString(payload);
    }

    private SseEventBuilder entryEvent(String name, LiveEntryView entry) {
        SseEventBuilder event = SseEmitter.event().name(name).data(entryJson(entry));
        // Only new entries move the resume point: an edit of an old entry must not make the browser skip others.
        return "entry".equals(name) ? event.id(Long.toString(entry.id())) : event;
    }

    private void broadcast(Set<SseEmitter> audience, SseEventBuilder event) {
        for (SseEmitter emitter : audience) {
            send(emitter, event);
        }
    }

    private static boolean send(SseEmitter emitter, SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            // The reader left; Spring calls onError/onCompletion, which forgets the stream.
            emitter.completeWithError(gone);
            return false;
        }
    }

    private void beat() {
        SseEventBuilder ping = SseEmitter.event().comment("keep-alive");
        readers.values().forEach(audience -> broadcast(audience, ping));
    }

    @Override
    public synchronized void start() {
        long period = properties.heartbeat().toMillis();
        heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-heartbeat").daemon().factory());
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Live heartbeat failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the server's graceful shutdown waits for requests: open streams would hold it for its whole timeout. */
    @Override
    public synchronized void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        readers.values().forEach(audience -> audience.forEach(SseEmitter::complete));
        readers.clear();
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
