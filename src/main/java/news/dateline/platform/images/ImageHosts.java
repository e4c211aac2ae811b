package news.dateline.platform.images;

import java.util.Collection;
import java.util.List;

/**
 * The outside hosts reader pages may load pictures from: the Content-Security-Policy's {@code img-src} names each as
 * {@code https://host} beside {@code 'self'}. Held by the site's settings ({@code settings.ImageHostList}, edited at
 * {@code /newsroom/settings}); edge writes the header from it, and a WordPress import without its uploads adds the
 * hosts its posts' pictures stay on. Every entry is an exact host, checked by {@link ImageHost}.
 */
public interface ImageHosts {

    /** The hosts allowed now, lower case, each valid; empty: pictures from this site only (the strict policy). */
    List<String> allowed();

    /**
     * Adds these hosts (each an exact host, as {@link ImageHost#parse} takes it; any other is left out) in the
     * caller's transaction, recording a settings change (cached pages and other nodes follow) when one is new.
     * Answers the hosts that were new.
     */
    List<String> allow(Collection<String> hosts);
}
