package news.dateline.taxonomy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an author profile may hold, and the messages beside the fields. The photo must be a path on this site:
 * the Content-Security-Policy lets reader pages load images from the site itself only ({@code img-src 'self'}),
 * so an outside address would show as a broken image; it is refused instead (docs/newsroom.md).
 */
final class ProfileRules {

    static final int MAX_BIO = 2000;
    static final int MAX_LINE = 200;
    static final int MAX_LINKS = 10;

    static final String BIO_TOO_LONG = "Please keep the bio to 2000 characters.";
    static final String JOB_TITLE_TOO_LONG = "Please keep the job title to 200 characters.";
    static final String PHOTO_NOT_HERE = "Give a path on this site, like /media/amara.jpg: pages show images from "
            + "this site only.";
    static final String EMAIL_INVALID = "That does not look like an email address (name@example.org).";
    static final String LINK_NOT_HTTPS = "Line %d is not an https address: give one https:// address a line.";
    static final String TOO_MANY_LINKS = "Please give at most 10 links.";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\".]{2,}");
    private static final Pattern SITE_PATH = Pattern.compile("/[A-Za-z0-9._~/%-]*");

    private ProfileRules() {
    }

    /** The problems of a form, by field; empty when it may be saved. */
    static Map<String, String> check(ProfileForm form) {
        Map<String, String> problems = new LinkedHashMap<>(TaxonomyRules.check(form.name(), "ok", false));
        if (length(form.bio()) > MAX_BIO) {
            problems.put("bio", BIO_TOO_LONG);
        }
        if (length(form.jobTitle()) > MAX_LINE) {
            problems.put("jobTitle", JOB_TITLE_TOO_LONG);
        }
        String photo = form.photoUrl().strip();
        if (!photo.isEmpty() && (photo.startsWith("//") || photo.contains("..") || photo.length() > MAX_LINE
                || !SITE_PATH.matcher(photo).matches())) {
            problems.put("photoUrl", PHOTO_NOT_HERE);
        }
        String email = form.publicEmail().strip();
        if (!email.isEmpty() && (email.length() > MAX_LINE || !EMAIL.matcher(email).matches())) {
            problems.put("publicEmail", EMAIL_INVALID);
        }
        List<String> links = links(form.socialLinks());
        if (links.size() > MAX_LINKS) {
            problems.put("socialLinks", TOO_MANY_LINKS);
        } else {
            for (int i = 0; i < links.size(); i++) {
                if (!isHttps(links.get(i))) {
                    problems.put("socialLinks", LINK_NOT_HTTPS.formatted(i + 1));
                    break;
                }
            }
        }
        return problems;
    }

    /** The non-empty lines, stripped. */
    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                links.add(line.strip());
            }
        }
        return links;
    }

    private static boolean isHttps(String link) {
        if (link.length() > MAX_LINE) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static int length(String text) {
        return text.strip().codePointCount(0, text.strip().length());
    }
}
