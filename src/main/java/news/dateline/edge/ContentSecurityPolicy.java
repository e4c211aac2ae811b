package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import news.dateline.platform.images.ImageHosts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Writes the Content-Security-Policy on every response Spring Security sees ({@code account/SecurityConfig}), with
 * the outside image hosts the site's settings allow now ({@link SecurityHeaders#contentSecurityPolicy}). Read per
 * response from the settings held in memory; a change to the list is a settings change, which empties the page cache
 * (a cached page keeps the header it was drawn with until then) on every node.
 */
@Component
public final class ContentSecurityPolicy implements HeaderWriter {

    private static final String HEADER = "Content-Security-Policy";

    private final ObjectProvider<ImageHosts> imageHosts;

    ContentSecurityPolicy(ObjectProvider<ImageHosts> imageHosts) {
        this.imageHosts = imageHosts;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, current());
        }
    }

    /** The policy as of now. */
    public String current() {
        ImageHosts hosts = hosts();
        List<String> allowed = hosts == null ? List.of() : hosts.allowed();
        Drawn last = drawn;
        if (last == null || !last.allowed().equals(allowed)) {
            last = new Drawn(List.copyOf(allowed), SecurityHeaders.contentSecurityPolicy(allowed));
            drawn = last;
        }
        return last.policy();
    }

    /** The last policy drawn, for the hosts it was drawn with: the same list on nearly every response. */
    private record Drawn(List<String> allowed, String policy) {
    }

    private volatile Drawn drawn;
    private volatile ImageHosts resolvedHosts;
    private volatile boolean resolved;

    /** Looked up once: asking the bean factory on every response was a visible part of a page's CPU. */
    private ImageHosts hosts() {
        if (!resolved) {
            resolvedHosts = imageHosts.getIfAvailable();
            resolved = true;
        }
        return resolvedHosts;
    }
}
