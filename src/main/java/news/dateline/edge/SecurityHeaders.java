package news.dateline.edge;

import jakarta.servlet.http.HttpServletResponse;

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
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; frame-src " + EMBED_FRAMES;
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
