package news.dateline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limits counted in the database ({@code rate_count}), so several nodes share one count: for limits on
 * anonymous writers, where a flood spread by a load balancer over N nodes must not get N times the limit
 * (docs/scaling.md). A sliding window estimated from two fixed windows: the previous window's hits, weighted by
 * how much of it still overlaps the last {@code window}, plus the current one's. Keys are stored as SHA-256
 * hashes, so the table holds no reader's address or email. A refused attempt is not counted, as with a token
 * bucket. Two nodes checking at the same instant may each let one through at the edge, so a flood can get a hit
 * or two past the limit, never N times it.
 */
@Component
public class SharedRateCounter {

    private static final Logger log = LoggerFactory.getLogger(SharedRateCounter.class);
    private static final Duration KEEP = Duration.ofHours(3);
    private static final int CLEAN_EVERY = 1_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();

    SharedRateCounter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one attempt for {@code key} under {@code scope} if fewer than {@code limit} were made in the last
     * {@code window}; empty if allowed, otherwise about how long until the next one is. When the database
     * cannot answer, the attempt is allowed: the write it guards meets the same database and is refused there.
     */
    public Optional<Duration> tryHit(String scope, String key, int limit, Duration window) {
        long now = clock.millis();
        long length = window.toMillis();
        long current = now - Math.floorMod(now, length);
        String hash = hash(key);
        try {
            List<long[]> counts = jdbc.sql("""
                            SELECT window_start, hits FROM rate_count
                            WHERE scope = :scope AND key_hash = :key AND window_start IN (:current, :previous)""")
                    .param("scope", scope).param("key", hash).param("current", current)
                    .param("previous", current - length)
                    .query((rs, n) -> new long[] {rs.getLong("window_start"), rs.getLong("hits")}).list();
            long inCurrent = 0;
            long inPrevious = 0;
            for (long[] row : counts) {
                if (row[0] == current) {
                    inCurrent = row[1];
                } else {
                    inPrevious = row[1];
                }
            }
            double overlap = 1.0 - (double) (now - current) / length;
            double estimate = inPrevious * overlap + inCurrent;
            if (estimate + 1 > limit) {
                return Optional.of(Duration.ofMillis(Math.max(1_000, current + length - now)));
            }
            jdbc.sql("""
                            INSERT INTO rate_count (scope, key_hash, window_start, hits)
                            VALUES (:scope, :key, :current, 1)
                            ON CONFLICT (scope, key_hash, window_start) DO UPDATE SET hits = rate_count.hits + 1""")
                    .param("scope", scope).param("key", hash).param("current", current).update();
            if (hits.incrementAndGet() % CLEAN_EVERY == 0) {
                jdbc.sql("DELETE FROM rate_count WHERE window_start < :before")
                        .param("before", now - KEEP.toMillis()).update();
            }
            return Optional.empty();
        } catch (DataAccessException e) {
            log.warn("Rate count for {} not read ({}); allowed", scope, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
