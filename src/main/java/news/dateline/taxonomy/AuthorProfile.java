package news.dateline.taxonomy;

import java.util.List;
import news.dateline.platform.Slugs;

/**
 * An author as readers see them on their page: the byline's name and bio, and the optional job title, photo (a
 * path on this site), public email and profiles elsewhere (https addresses, {@code sameAs} in the JSON-LD). An
 * empty string or list stands for "not given".
 */
public record AuthorProfile(long id, String slug, String name, String bio, String jobTitle, String photoUrl,
        String publicEmail, List<String> socialLinks) {

    public String path() {
        return Slugs.inUrl("/author/" + slug);
    }

    /** The social links as typed in the form: one a line. */
    public String socialLinksText() {
        return String.join("\n", socialLinks);
    }

    /** The text a link to a profile elsewhere shows: its host, without "www.". */
    public static String hostOf(String link) {
        try {
            String host = java.net.URI.create(link).getHost();
            return host == null ? link : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException notAnAddress) {
            return link;
        }
    }
}
