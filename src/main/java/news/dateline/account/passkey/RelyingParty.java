package news.dateline.account.passkey;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Who the site is to an authenticator: the RP id is the host of {@code dateline.site.base-url}, and the origins a
 * passkey may be used from are that URL's origin plus {@code dateline.passkeys.extra-origins}. Both come from the
 * configuration, never from a request: behind a proxy the browser's origin is the public address, whatever Host
 * or port the proxy passes on (docs/security.md, "Passkeys"). Checked at start: a bad value fails the boot.
 */
@Component
class RelyingParty {

    private final String id;
    private final String name;
    private final Set<Origin> origins;

    RelyingParty(SiteProperties site, PasskeyProperties settings) {
        URI base = URI.create(site.baseUrl());
        if (base.getHost() == null || base.getScheme() == null) {
            throw new IllegalStateException("dateline.site.base-url must be an absolute URL: " + site.baseUrl());
        }
        this.id = base.getHost().toLowerCase(Locale.ROOT);
        this.name = site.name();
        Set<Origin> allowed = new LinkedHashSet<>();
        allowed.add(new Origin(origin(base)));
        for (String extra : settings.extraOrigins()) {
            if (extra.isBlank()) {
                continue;
            }
            URI uri = URI.create(extra.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!host.equals(id) && !host.endsWith("." + id)) {
                throw new IllegalStateException("dateline.passkeys.extra-origins: " + extra
                        + " is not on " + id + " or a subdomain of it, so no passkey of this site works there");
            }
            allowed.add(new Origin(origin(uri)));
        }
        this.origins = Set.copyOf(allowed);
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || scheme.equals("https") && uri.getPort() == 443
                || scheme.equals("http") && uri.getPort() == 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Set<String> origins() {
        Set<String> text = new LinkedHashSet<>();
        origins.forEach(origin -> text.add(origin.toString()));
        return text;
    }

    ServerProperty serverProperty(byte[] challenge) {
        return new ServerProperty(origins, id, new DefaultChallenge(challenge));
    }
}
