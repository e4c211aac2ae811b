package news.dateline.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.util.NetMask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dateline.trusted-proxies} ({@code DATELINE_TRUSTED_PROXIES}): the reverse proxies whose forwarded headers
 * are believed, as comma-separated CIDR blocks or single addresses, IPv4 or IPv6 ({@code 10.0.0.0/8},
 * {@code 192.0.2.7}, {@code 2001:db8::/32}, {@code ::1}). Empty by default: no one is trusted, loopback included,
 * and every client is the address its connection comes from. Checked at start: an entry that is not an address
 * or a block stops the boot with its name, rather than trusting something nobody meant.
 */
@ConfigurationProperties("dateline")
public record TrustedProxies(@DefaultValue List<String> trustedProxies) {

    public TrustedProxies {
        List<String> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            String block = entry == null ? "" : entry.strip();
            if (!block.isEmpty()) {
                blocks.add(block(block));
            }
        }
        trustedProxies = List.copyOf(blocks);
    }

    public boolean none() {
        return trustedProxies.isEmpty();
    }

    /**
     * The blocks as Tomcat's {@code RemoteIpValve} reads CIDR lists: comma-separated, each with its prefix length.
     * (Given a value with a slash, the valve matches addresses with {@link NetMask}; without one it would read the
     * value as a regular expression, which is why a single address is written out as a /32 or /128.)
     */
    public String asCidrList() {
        return String.join(",", trustedProxies);
    }

    /** One entry, with its prefix length written out; refused with a message naming it if it is not one. */
    static String block(String entry) {
        String block = entry.indexOf('/') < 0 ? entry + (entry.indexOf(':') < 0 ? "/32" : "/128") : entry;
        String address = block.substring(0, block.indexOf('/'));
        if (!block.substring(block.indexOf('/') + 1).matches("\\d{1,3}")) {
            throw new IllegalArgumentException(refused(entry, "the prefix length is not a number"));
        }
        boolean literal = address.indexOf(':') >= 0 ? address.matches("[0-9a-fA-F:.]+")
                : address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            // NetMask would look a host name up in DNS; a proxy is named by its address, never by a name.
            throw new IllegalArgumentException(refused(entry, "not an IP address"));
        }
        try {
            new NetMask(block);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refused(entry, e.getMessage()), e);
        }
        return block.toLowerCase(Locale.ROOT);
    }

    private static String refused(String entry, String why) {
        return "dateline.trusted-proxies (DATELINE_TRUSTED_PROXIES): \"" + entry + "\" is not an IP address or "
                + "CIDR block such as 10.0.0.0/8 or 2001:db8::/32 (" + why + ")";
    }
}
