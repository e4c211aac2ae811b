package news.dateline.feed;

import java.net.URI;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.Slugs;
import org.springframework.stereotype.Component;

/** Absolute addresses on the public site, for everything read away from it: feeds, sitemaps, metadata. */
@Component
class SiteUrls {

    private final String base;

    SiteUrls(SiteProperties site) {
        String configured = site.baseUrl().strip();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** {@code /world/} becomes {@code https://news.example/world/}. */
    String of(String path) {
        return base + Slugs.inUrl(path);
    }

    String home() {
        return base + "/";
    }

    String host() {
        String host = URI.create(base).getHost();
        return host != null ? host : "localhost";
    }
}
