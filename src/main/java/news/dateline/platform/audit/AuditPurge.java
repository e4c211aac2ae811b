package news.dateline.platform.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops audit rows older than {@link AuditProperties#keepDays()}, once at start and then daily. No lock across
 * nodes: the DELETE is the same whoever runs it, and a second run finds nothing left to delete.
 */
@Component
public class AuditPurge {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditLog audit;
    private final Clock clock;
    private final AuditProperties properties;

    AuditPurge(AuditLog audit, Clock clock, AuditProperties properties) {
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        purge();
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT24H")
    void daily() {
        purge();
    }

    /** Returns how many rows went. */
    public int purge() {
        int gone = audit.purgeBefore(clock.instant().minus(Duration.ofDays(properties.keepDays())));
        if (gone > 0) {
            log.info("Audit log: {} entries older than {} days removed", gone, properties.keepDays());
        }
        return gone;
    }
}
