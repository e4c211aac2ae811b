package news.dateline.platform.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read {@code /actuator/prometheus}: a scraper sending {@code Authorization: Bearer <token>}
 * ({@code DATELINE_METRICS_TOKEN}; empty: no token is accepted), and, unless {@code allowLoopback} is false, a
 * request from this machine itself. Behind a reverse proxy on the same machine the proxy must send
 * X-Forwarded-For (or set allow-loopback=false), or every request would look local (docs/operations.md).
 */
@ConfigurationProperties("dateline.metrics")
public record MetricsProperties(@DefaultValue("") String token, @DefaultValue("true") boolean allowLoopback) {
}
