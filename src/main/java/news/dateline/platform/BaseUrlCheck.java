package news.dateline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Canonical links, {@code og:url}, JSON-LD, feeds, sitemaps and robots.txt are built from
 * {@code dateline.site.base-url} alone. When readers reach the site at another address (an allowed alias, or the
 * default {@code http://localhost:8080} left unset on a public server), those links point elsewhere. This says so:
 * once in the log at start when the base URL was left at its default, once per other address on its first request
 * (edge calls {@link #arrived} for every request it let in), and on the admins' dashboard.
 */
@Component
public class BaseUrlCheck implements OperationsNotes {

    static final String DEFAULT = "http://localhost:8080";
    /** Aliases may allow any port: a few addresses are enough to show, and memory stays bounded. */
    private static final int KEPT = 5;
    private static final Logger log = LoggerFactory.getLogger(BaseUrlCheck.class);

    private final String baseUrl;
    private final String scheme;
    private final String host;
    private final int port;
    private final Map<String, Boolean> others = new ConcurrentHashMap<>();

    BaseUrlCheck(SiteProperties site) {
        this.baseUrl = site.baseUrl().strip().replaceFirst("/+$", "");
        URI uri = URI.create(baseUrl);
        this.scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
    }

    @EventListener
    void started(WebServerInitializedEvent started) {
        if (DEFAULT.equals(baseUrl)) {
            int listening = started.getWebServer().getPort();
            log.warn("dateline.site.base-url (DATELINE_BASE_URL) is not set: canonical links, feeds and sitemaps say "
                    + "{}{}. Set it to the address readers use.", DEFAULT,
                    listening == port ? "" : ", while this server listens on port " + listening);
        }
    }

    /** A request the edge let in; operator endpoints (/actuator: health probes, scrapers) are not reader pages. */
    public void arrived(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/actuator")) {
            return;
        }
        String name = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        String requestScheme = request.getScheme().toLowerCase(Locale.ROOT);
        // Behind a proxy that ends TLS without saying so, the scheme and port differ but the links are right.
        boolean same = name.equals(host) && (!requestScheme.equals(scheme) || request.getServerPort() == port);
        if (same || others.size() >= KEPT) {
            return;
        }
        String origin = requestScheme + "://" + (name.indexOf(':') >= 0 ? "[" + name + "]" : name)
                + (request.getServerPort() == defaultPort(requestScheme) ? "" : ":" + request.getServerPort());
        if (others.putIfAbsent(origin, Boolean.TRUE) == null) {
            log.warn("{}", message(origin));
        }
    }

    @Override
    public List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        for (String origin : others.keySet().stream().sorted().toList()) {
            notes.add(new Note(true, message(origin)));
        }
        return notes;
    }

    private String message(String origin) {
        return "Requests arrive for " + origin + ", but dateline.site.base-url (DATELINE_BASE_URL) is " + baseUrl
                + ": canonical links, feeds and sitemaps point at " + baseUrl + ". If readers should use " + origin
                + ", set DATELINE_BASE_URL to it.";
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
