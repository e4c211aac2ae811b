package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.platform.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The names the site answers to: the host and port of {@code dateline.site.base-url} (the port its scheme implies
 * when it gives none), and the {@link HostAliases}. A request for any other host, as {@code Host} says or, from a
 * trusted proxy, {@code X-Forwarded-Host}, is refused before anything else runs, so that no page, redirect or
 * cached copy is ever built for a name an attacker chose. Checked at start.
 */
@Component
public class AllowedHosts {

    private static final Logger log = LoggerFactory.getLogger(AllowedHosts.class);

    /** {@code name} or {@code [v6]}, optionally {@code :port}. */
    private static final Pattern ENTRY = Pattern.compile("([a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\])(:(\\d{1,5}))?");

    /** A host, and its port or -1 for any. */
    record Host(String name, int port) {

        boolean matches(String serverName, int serverPort) {
            return name.equals(serverName) && (port < 0 || port == serverPort);
        }

        @Override
        public String toString() {
            return port < 0 ? name : name + ":" + port;
        }
    }

    private final List<Host> hosts;

    AllowedHosts(SiteProperties site, HostAliases aliases) {
        List<Host> allowed = new ArrayList<>();
        allowed.add(baseUrlHost(site.baseUrl()));
        for (String alias : aliases.hostAliases()) {
            if (alias != null && !alias.isBlank()) {
                allowed.add(alias(alias.strip()));
            }
        }
        this.hosts = List.copyOf(allowed);
        log.info("Answering requests for {} (dateline.site.base-url and host-aliases); other hosts get 400", hosts);
    }

    public boolean allows(HttpServletRequest request) {
        String name = request.getServerName();
        if (name == null || name.isEmpty()) {
            return false;
        }
        String host = name.toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        for (Host allowed : hosts) {
            if (allowed.matches(host, port)) {
                return true;
            }
        }
        return false;
    }

    List<Host> hosts() {
        return hosts;
    }

    private static Host baseUrlHost(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(baseUrlProblem(baseUrl), e);
        }
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(baseUrlProblem(baseUrl));
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new Host(uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    private static String baseUrlProblem(String baseUrl) {
        return "dateline.site.base-url (DATELINE_BASE_URL): \"" + baseUrl
                + "\" is not an http:// or https:// address such as https://news.example.com";
    }

    private static Host alias(String alias) {
        Matcher m = ENTRY.matcher(alias.toLowerCase(Locale.ROOT));
        int port = m.matches() && m.group(4) != null ? Integer.parseInt(m.group(4)) : -1;
        if (!m.matches() || port == 0 || port > 65535) {
            throw new IllegalArgumentException("dateline.site.host-aliases (DATELINE_HOST_ALIASES): \"" + alias
                    + "\" is not a host name, optionally with a port, such as www.example.com or dateline.internal:8080");
        }
        return new Host(m.group(1), port);
    }
}
