package news.dateline.platform.asset;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The fingerprinted address of an asset ({@code /assets/site.css} → {@code /assets/site-<md5>.css}), resolved once
 * per process. The assets are in the jar and their names carry a hash of their bytes, so the address cannot change
 * while the process runs; asking {@link ResourceUrlProvider} on every render (path matching, resolver chain, its own
 * cache's lookups) was a visible share of an uncached page. Nothing is kept while the provider does not know the
 * asset yet (before the context is refreshed, or in a context without the web layer): then the plain path is
 * answered, as before. With {@code spring.web.resources.chain.cache=false} (a developer editing assets on disk)
 * every call asks again.
 */
@Component
public class AssetUrls {

    private final ObjectProvider<ResourceUrlProvider> resources;
    private final boolean keep;
    private final ConcurrentMap<String, String> resolved = new ConcurrentHashMap<>();

    AssetUrls(ObjectProvider<ResourceUrlProvider> resources,
            @Value("${spring.web.resources.chain.cache:true}") boolean keep) {
        this.resources = resources;
        this.keep = keep;
    }

    /** The address to link for {@code path} (starting with {@code /assets/}), or {@code path} itself. */
    public String of(String path) {
        String known = resolved.get(path);
        if (known != null) {
            return known;
        }
        ResourceUrlProvider urls = resources.getIfAvailable();
        String url = urls == null ? null : urls.getForLookupPath(path);
        if (url == null) {
            return path;
        }
        if (keep) {
            resolved.put(path, url);
        }
        return url;
    }
}
