package news.dateline.platform.change;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node on PostgreSQL follows the others' changes (docs/scaling.md). {@code nodeId} names this node in
 * {@code change_log} (blank: a name made at start, which is enough: it only has to differ from the other nodes');
 * the follower reads the log on every NOTIFY and at least every {@code pollInterval}; an id it has not seen below
 * the newest one it read is waited for up to {@code gapWait} (its transaction may still commit); health says
 * {@code OUT_OF_SERVICE} when the oldest unapplied change is older than {@code maxLag}.
 */
@ConfigurationProperties("dateline.cluster")
public record ClusterProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5m") Duration gapWait,
        @DefaultValue("30s") Duration maxLag) {
}
