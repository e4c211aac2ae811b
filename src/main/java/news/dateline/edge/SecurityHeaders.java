package news.dateline.edge;

import jakarta.servlet.http.HttpServletResponse;
import news.dateline.platform.images.ImageHost;

/**
 * The headers every response of the site carries, in one place: Spring Security writes them on everything that
 * reaches it ({@code account/SecurityConfig} reads the policy from here), and the answers given before it runs
 * (a refused host, a hostile request, the firewall's 400, the container's own errors) set them with
 * {@link #apply}.
 */
public final class SecurityHeaders {

    /**
     * The hosts of the embeds' frames (story/embed/EmbedProvider), loaded only when a reader asks; exactly these,
     * and kept equal to that table by EmbedProviderTest.
     */
    static final String EMBED_FRAMES = "https://www.youtube-nocookie.com https://player.vimeo.com "
            + "https://platform.twitter.com https://www.instagram.com https://www.tiktok.com https://embed.bsky.app "
            + "https://mastodon.social https://mastodon.online https://mas.to https://hachyderm.io "
            + "https://fosstodon.org https://www.facebook.com https://w.soundcloud.com https://open.spotify.com "
            + "https://datawrapper.dwcdn.net https://flo.uri.sh";

    /**
     * {@code 'self'} only: no inline script or style, no framing of us, forms post to this site alone; frames come
     * from the embeds' providers alone.
     */
    private static final String IMG_SRC = "img-src 'self' data:";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; " + IMG_SRC + "; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; frame-src " + EMBED_FRAMES;
    /**
     * The policy with pictures also allowed from these outside hosts ({@code platform.images.ImageHosts}, the site's
     * settings): {@code img-src 'self' data: https://a.example …}. Exactly {@link #CONTENT_SECURITY_POLICY} when there
     * are none. A host not in {@link ImageHost}'s form is left out, so nothing but a host reaches the header.
     */
    public static String contentSecurityPolicy(java.util.List<String> imageHosts) {
        StringBuilder sources = new StringBuilder();
        for (String host : imageHosts) {
            if (ImageHost.isHost(host)) {
                sources.append(" https://").append(host);
            }
        }
        return sources.isEmpty() ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace(IMG_SRC, IMG_SRC + sources);
    }

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    /** The same values Spring Security writes, for a response it never sees. */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
    }
}
