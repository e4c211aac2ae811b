package news.dateline.story.embed;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A link a body line held alone that a known provider can show in a frame: the provider's name, the link as
 * written, and the frame address built from the parsed id.
 */
public record Embed(String provider, String link, String frame) {

    /** Longer than any post URL we recognise; a longer line is not worth matching. */
    private static final int MAX_LENGTH = 300;

    /** The embed for a URL, or empty when no provider knows it (it stays a link). */
    public static Optional<Embed> of(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (EmbedProvider provider : EmbedProvider.values()) {
            Optional<String> frame = provider.frameFor(url);
            if (frame.isPresent()) {
                return Optional.of(new Embed(provider.displayName(), url, frame.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The CSP {@code frame-src} sources: every provider's frame host and nothing else. {@code edge/SecurityHeaders}
     * spells the same list (edge comes before story); {@code EmbedTest} keeps the two equal.
     */
    public static String frameSources() {
        return Arrays.stream(EmbedProvider.values()).flatMap(p -> p.frameHosts().stream())
                .map(host -> "https://" + host).collect(Collectors.joining(" "));
    }
}
