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
        ImageHosts hosts = imageHosts.getIfAvailable();
        List<String> allowed = hosts == null ? List.of() : hosts.allowed();
        return SecurityHeaders.contentSecurityPolicy(allowed);
    }
}
