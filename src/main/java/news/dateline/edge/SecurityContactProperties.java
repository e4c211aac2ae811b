package news.dateline.edge;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where to report a vulnerability ({@code dateline.security.contact}, {@code DATELINE_SECURITY_CONTACT}): one or more
 * comma-separated {@code mailto:}, {@code https:} or {@code tel:} URIs, or plain email addresses (read as
 * {@code mailto:}). Empty: the site publishes no {@code /.well-known/security.txt}. A bad entry stops the start.
 */
@ConfigurationProperties("dateline.security")
record SecurityContactProperties(@DefaultValue List<String> contact) {

    SecurityContactProperties {
        contact = contact.stream().map(String::strip).filter(c -> !c.isEmpty())
                .map(SecurityContactProperties::asUri).toList();
    }

    private static String asUri(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        String uri = !lower.contains(":") && entry.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? "mailto:" + entry : entry;
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
        if (!List.of("mailto", "https", "tel").contains(scheme) || uri.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("dateline.security.contact: " + entry
                    + " is not a mailto:, https: or tel: address, nor an email address");
        }
        URI.create(uri); // refuses what is not a URI at all
        return uri;
    }
}
