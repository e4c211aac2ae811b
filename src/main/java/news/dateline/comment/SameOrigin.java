package news.dateline.comment;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The comment form's protection against cross-site request forgery. The article page is served from a shared
 * cache, so it cannot carry a per-visitor CSRF token; instead a comment is accepted only when the browser says it
 * comes from one of our own pages: the {@code Origin} header (every current browser sends it on a POST), or failing
 * that the {@code Referer}. A request with neither, or with another site's, is refused. Our own origin is the
 * request's (scheme, host and port, as the proxy reports them) or the configured public address.
 */
@Component
class SameOrigin {

    private final Optional<String> configured;

    SameOrigin(SiteProperties site) {
        this.configured = originOf(site.baseUrl());
    }

    boolean allows(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if ("null".equals(origin)) {
            return false; // an opaque origin (sandboxed frame, data: page, privacy redirect) is never ours
        }
        String claimed = origin != null && !origin.isBlank() ? origin : request.getHeader("Referer");
        Optional<String> from = claimed == null ? Optional.empty() : originOf(claimed);
        return from.isPresent() && (from.get().equals(own(request)) || from.equals(configured));
    }

    private static String own(HttpServletRequest request) {
        return normalised(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    static Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(normalised(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String normalised(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int effectivePort = port > 0 ? port : ("https".equals(s) ? 443 : 80);
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + effectivePort;
    }
}
