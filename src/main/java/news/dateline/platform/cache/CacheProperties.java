package news.dateline.platform.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The page cache for anonymous readers, and what browsers and CDNs are told about caching. Browsers revalidate
 * quickly ({@code maxAge}); a CDN may hold a page longer ({@code sharedMaxAge}) and serve it stale while it
 * refetches. Freshness on this node does not depend on these: a change drops the affected pages at once.
 */
@ConfigurationProperties("dateline.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("30s") Duration maxAge,
        @DefaultValue("60s") Duration sharedMaxAge,
        @DefaultValue("30s") Duration staleWhileRevalidate) {

    String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", s-maxage=" + sharedMaxAge.toSeconds()
                + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }
}
