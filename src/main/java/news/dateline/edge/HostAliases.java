package news.dateline.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dateline.site.host-aliases} ({@code DATELINE_HOST_ALIASES}): other names the site answers to besides the
 * host of {@code dateline.site.base-url}, comma-separated, each {@code name} (any port) or {@code name:port}:
 * {@code www.example.com}, {@code dateline.internal:8080}, {@code [2001:db8::7]:8080}. Empty by default.
 */
@ConfigurationProperties("dateline.site")
public record HostAliases(@DefaultValue List<String> hostAliases) {
}
