package news.dateline.platform.images;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One outside host pictures may come from, as an admin types it or an import finds it: {@code photos.example.org}
 * or {@code https://photos.example.org} (a trailing slash is forgiven). Only exact hosts: no wildcard ({@code *},
 * {@code *.example.org}), no path, no port, no other scheme ({@code http:} would be mixed content on an https page,
 * {@code data:} is not a host), no address without a dot. What is taken is lower case ASCII (an international name
 * in its punycode form), letters, digits, dots and hyphens only, so nothing else can reach the header.
 */
public final class ImageHost {

    /** Labels of letters, digits and inner hyphens, at least two, the last not all digits. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})");

    private ImageHost() {
    }

    /** The host as the policy names it, or empty when {@code typed} is not one exact https host. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String host = typed.strip();
        if (host.regionMatches(true, 0, "https://", 0, 8)) {
            host = host.substring(8);
        }
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return isHost(host) ? Optional.of(host) : Optional.empty();
    }

    /** Whether {@code host} is already in the form {@link #parse} answers. */
    public static boolean isHost(String host) {
        return host != null && HOST.matcher(host).matches();
    }
}
