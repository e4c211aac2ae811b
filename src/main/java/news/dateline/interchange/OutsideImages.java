package news.dateline.interchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import news.dateline.platform.images.ImageHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The pictures an import without {@code --uploads} leaves where they are: each {@code <img src>} of a post on
 * another site, counted by host. Pictures on https hosts can be shown once their host is allowed in the CSP
 * ({@code platform.images.ImageHosts}, which the import then adds them to); those on plain http are not shown,
 * because a page served over https may not load them (mixed content), and are named so.
 */
final class OutsideImages {

    private final Map<String, Integer> https = new TreeMap<>();
    private final Map<String, Integer> http = new TreeMap<>();

    /** Counts the outside pictures in one post's HTML (a relative address is this site's, not counted). */
    void scan(String html) {
        if (html == null || !html.contains("<img")) {
            return;
        }
        for (Element img : Jsoup.parseBodyFragment(html).select("img[src]")) {
            try {
                URI src = new URI(img.attr("src").strip());
                String scheme = src.getScheme() == null ? "" : src.getScheme().toLowerCase(Locale.ROOT);
                String host = src.getHost() == null ? "" : src.getHost().toLowerCase(Locale.ROOT);
                if (scheme.equals("https") && ImageHost.isHost(host) && src.getPort() < 0) {
                    https.merge(host, 1, Integer::sum);
                } else if (scheme.equals("http") && !host.isEmpty()) {
                    http.merge(host, 1, Integer::sum);
                }
            } catch (URISyntaxException e) {
                // not an address a browser would load either
            }
        }
    }

    /** Host → pictures, for pictures that can be shown once the host is allowed. */
    Map<String, Integer> https() {
        return Map.copyOf(https);
    }

    /** Host → pictures on plain http, which pages served over https will not show. */
    Map<String, Integer> http() {
        return Map.copyOf(http);
    }
}
