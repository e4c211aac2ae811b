package news.dateline.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The photo library's limits and its background work (docs/media.md). Checked at boot: a limit of zero or a pool
 * of no thread would refuse every upload or make none of its sizes, which a developer should learn at start.
 *
 * @param maxSize    the largest upload taken (checked before a byte of the picture is decoded)
 * @param maxPixels  the most pixels a picture may have, read from its header (a decompression bomb is refused)
 * @param workers    threads making derivatives (1 or 2: a huge upload must not starve readers on 2 cores)
 * @param attempts   how often a picture's derivatives are tried before it is shown as failed
 * @param retryAfter the wait before the next try
 */
@ConfigurationProperties("dateline.media")
public record MediaProperties(
        @DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("100000000") long maxPixels,
        @DefaultValue("1") int workers,
        @DefaultValue("3") int attempts,
        @DefaultValue("5s") Duration retryAfter) {

    public MediaProperties {
        if (maxSize.toBytes() <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("dateline.media.max-size and max-pixels must be positive");
        }
        if (workers < 1 || workers > 4) {
            throw new IllegalArgumentException("dateline.media.workers must be between 1 and 4, not " + workers);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("dateline.media.attempts must be at least 1, not " + attempts);
        }
    }
}
