package news.dateline.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open live-update streams on this node. Each is an async request (no thread waits on it), so the cap is about
 * sockets and memory; a reader turned away gets 503 and the page keeps working on reload. Streams are closed
 * after {@code streamTimeout} and the browser reconnects, resuming from the last entry it saw. An article page
 * that is not live asks {@code /live/{id}/state} about every {@code probeInterval} (a cached answer, revalidated
 * with its ETag), so a page opened before coverage started still joins it.
 */
@ConfigurationProperties("dateline.live")
public record LiveProperties(
        @DefaultValue("10000") int maxConnections,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("10s") Duration probeInterval) {
}
