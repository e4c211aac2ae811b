package news.dateline.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** However many addresses are asked for, the page cache holds at most its size in bytes (dateline.cache.max-size). */
class PageCacheBoundTest {

    @Test
    void pagesBeyondTheByteLimitAreEvicted() {
        PageCache cache = new PageCache(new CacheProperties(true, DataSize.ofKilobytes(1024), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30)),
                new PageCacheMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        Random random = new Random(21);
        for (int i = 0; i < 200; i++) {
            byte[] plain = new byte[40 * 1024];
            random.nextBytes(plain); // incompressible: the gzip copy weighs as much again
            cache.put("/page-" + i, new StoredPage(List.of(), plain, plain.clone(), "\"e" + i + "\"", 0,
                    PageCache.LISTING, false, null, "no-cache"), cache.generation());
        }
        // each page weighs 80 KB and a bit: 1 MB holds 12 of them, not 200
        assertThat(cache.size()).isBetween(1L, 12L);
    }
}
