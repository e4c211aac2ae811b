package news.dateline.wire;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The wire desk's settings ({@code dateline.wire.*}): how often the providers' folders are looked at, the largest
 * file taken, how many waiting files are stored in one transaction at most, and whether the intake runs at all on
 * this node (off on nodes that should not move files).
 */
@ConfigurationProperties("dateline.wire")
record WireProperties(
        @DefaultValue("true") boolean intake,
        @DefaultValue("500ms") Duration scanInterval,
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("200") int batchSize) {

    /** "5 MB" rather than DataSize's "5242880B", for the reason beside a refused file. */
    String maxFileSizeText() {
        long bytes = maxFileSize.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    WireProperties {
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("dateline.wire.scan-interval must be positive, not " + scanInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("dateline.wire.batch-size must be at least 1, not " + batchSize);
        }
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("dateline.wire.max-file-size must be positive, not " + maxFileSize);
        }
    }
}
