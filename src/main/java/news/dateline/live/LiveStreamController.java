package news.dateline.live;

import jakarta.servlet.http.HttpServletRequest;
import news.dateline.platform.Refusal;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import news.dateline.platform.cache.PageCache;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for a live article page (assets/live.js). Not a {@code @CachedPage}, so the page cache
 * passes every event through as it is written; never stored by anyone ({@code no-store}). A reconnecting browser
 * sends {@code Last-Event-ID} and gets what it missed; the first connection passes {@code after}, the newest entry
 * the page already shows.
 */
@Controller
class LiveStreamController {

    private final LiveRepository live;
    private final LiveStreams streams;
    private final GripStreams grip;

    LiveStreamController(LiveRepository live, LiveStreams streams, GripStreams grip) {
        this.live = live;
        this.streams = streams;
        this.grip = grip;
    }

    @GetMapping(path = "/live/{articleId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> events(@PathVariable long articleId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after, HttpServletRequest request) {
        LiveCoverage coverage = live.coverage(articleId).filter(LiveCoverage::published)
                .orElseThrow(() -> Refusal.notFound("Live stream of article " + articleId));
        if (!coverage.isLive()) {
            // 204 tells EventSource to stop reconnecting: nothing more will come.
            return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
        }
        if (grip.holds(request)) {
            // Pushpin keeps the connection open and appends what this site publishes to the channel (GripStreams).
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Grip-Hold", "stream")
                    .header("Grip-Channel", GripStreams.channel(articleId))
                    .header("Grip-Keep-Alive", ":keep-alive\\n\\n; format=cstring; timeout=15")
                    .body(grip.hold(articleId, resumeAfter(lastEventId, after)));
        }
        SseEmitter emitter = streams.open(articleId).orElse(null);
        if (emitter == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .cacheControl(CacheControl.noStore()).build();
        }
        streams.catchUp(emitter, articleId, resumeAfter(lastEventId, after));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // nginx and similar proxies would otherwise hold events back in a buffer.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /**
     * Whether the article is live now, for pages that were not (assets/live.js asks every few seconds). A
     * {@code @CachedPage} tied to its article: any change to the story drops it, so thousands of open pages cost
     * one render per change and otherwise a {@code 304} from memory (or from the front cache).
     */
    @CachedPage
    @GetMapping(path = "/live/{articleId}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> state(@PathVariable long articleId, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        LiveCoverage coverage = live.coverage(articleId).filter(LiveCoverage::published)
                .orElseThrow(() -> Refusal.notFound("Live state of article " + articleId));
        PageCache.dependsOnArticle(request, articleId);
        CacheTags.add(response, CacheTags.article(articleId));
        String body = coverage.isLive()
                ? "{\"live\":true,\"stream\":\"" + LiveBlogs.streamPath(articleId) + "\"}"
                : "{\"live\":false}";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static long resumeAfter(String lastEventId, Long after) {
        if (lastEventId != null) {
            try {
                return Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException ignored) {
                // Not one of ours: fall back to what the page said.
            }
        }
        return after != null ? after : Long.MAX_VALUE;
    }
}
