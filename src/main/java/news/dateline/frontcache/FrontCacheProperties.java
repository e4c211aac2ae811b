package news.dateline.frontcache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The front caches (Varnish with the xkey module) this node purges after each committed change it applies
 * (docs/scaling.md). {@code caches} are their base URLs ({@code DATELINE_FRONT_CACHES}, comma-separated; empty:
 * nothing is sent). A purge that gets no answer within {@code timeout} is given up and counted; the pages it named
 * then expire at the front after their {@code s-maxage}. Each purge is sent again after each of {@code repeatAfter}
 * (empty: once only): a fetch the front sent to a node that had not yet applied the change can land just after
 * that node's own purge, and would otherwise stay until {@code s-maxage}.
 */
@ConfigurationProperties("dateline.front")
public record FrontCacheProperties(
        @DefaultValue("") List<URI> caches,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue({"250ms", "1s"}) List<Duration> repeatAfter) {

    public FrontCacheProperties {
        repeatAfter = repeatAfter == null ? List.of() : List.copyOf(repeatAfter);
        caches = caches == null ? List.of()
                : caches.stream().filter(uri -> uri != null && !uri.toString().isBlank()).toList();
        for (URI cache : caches) {
            if (!("http".equals(cache.getScheme()) || "https".equals(cache.getScheme())) || cache.getHost() == null) {
                throw new IllegalArgumentException("dateline.front.caches (DATELINE_FRONT_CACHES): \"" + cache
                        + "\" is not an http:// address such as http://127.0.0.1:6081");
            }
        }
    }
}
