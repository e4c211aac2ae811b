package news.dateline.platform.change;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code changeFollower} in {@code /actuator/health}: how many committed changes this node has not applied yet and
 * how old the oldest is. {@code OUT_OF_SERVICE} (503) once that, or the time since the follower last read the log,
 * passes {@code dateline.cluster.max-lag}, so the load balancer stops sending readers to a node serving old pages.
 */
@Component("changeFollowerHealthIndicator")
@ConditionalOnBean(ChangeFollower.class)
class ChangeFollowerHealth implements HealthIndicator {

    private static final long PATIENCE_MILLIS = 250;

    private final ChangeFollower follower;
    private final ClusterProperties cluster;

    ChangeFollowerHealth(ChangeFollower follower, ClusterProperties cluster) {
        this.follower = follower;
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        // Like the database check, a probe answers at once even while the database is gone; the database check
        // says DOWN then, this part need not wait for it a second time.
        if (follower.failing()) {
            return Health.status(Status.OUT_OF_SERVICE)
                    .withDetail("reason", "the follower cannot read the change log").build();
        }
        ChangeFollower.Lag lag;
        try {
            CompletableFuture<ChangeFollower.Lag> asked = new CompletableFuture<>();
            Thread.ofVirtual().name("follower-health").start(() -> {
                try {
                    asked.complete(follower.lag());
                } catch (RuntimeException e) {
                    asked.completeExceptionally(e);
                }
            });
            lag = asked.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "the change log did not answer").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
        long bound = cluster.maxLag().toSeconds();
        boolean behind = lag.seconds() > bound || !lag.following() || lag.secondsSinceRead() > bound;
        return Health.status(behind ? Status.OUT_OF_SERVICE : Status.UP)
                .withDetail("node", lag.node())
                .withDetail("lagRows", lag.rows())
                .withDetail("lagSeconds", lag.seconds())
                .withDetail("waitingForIds", lag.gaps())
                .withDetail("secondsSinceRead", lag.secondsSinceRead())
                .build();
    }
}
