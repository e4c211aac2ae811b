package news.dateline.live;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pushpin holding the readers' live streams instead of this node (GRIP, docs/scaling.md): {@code url} is its HTTP
 * publish endpoint ({@code DATELINE_GRIP_URL}, e.g. {@code http://127.0.0.1:5561}); empty, streams stay in this
 * process ({@link LiveStreams}). A publish that gets no answer within {@code timeout} is given up and logged.
 */
@ConfigurationProperties("dateline.grip")
public record GripProperties(@DefaultValue("") String url, @DefaultValue("2s") java.time.Duration timeout) {

    public GripProperties {
        url = url == null ? "" : url.strip();
        if (!url.isEmpty()) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("dateline.grip.url (DATELINE_GRIP_URL): \"" + url
                        + "\" is not an http:// address such as http://127.0.0.1:5561");
            }
        }
    }

    boolean enabled() {
        return !url.isEmpty();
    }
}
