package news.dateline.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a headline or a name into the slug used in URLs, as WordPress does: lower-cased letters and digits of any
 * script, in NFC, joined by hyphens ("Україна: новини дня" becomes "україна-новини-дня"). Latin letters with
 * accents still fold to ASCII ("São Paulo" becomes "sao-paulo"), so the slugs made before Unicode was allowed stay
 * the same. In a URL a slug is percent-encoded UTF-8 ({@link #inUrl}); Spring decodes the path variable again.
 */
public final class Slugs {

    /** Lower-case letters (or letters without case), marks within a word, digits; hyphens between. */
    public static final Pattern VALID = Pattern.compile(
            "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{N}]*(?:-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{N}]*)*");

    /**
     * A slug's path segment in a route, matched against the decoded segment: word characters of any script (no
     * braces, which route patterns cannot hold). A slug that is not lower case matches and is simply not found.
     */
    public static final String IN_ROUTE = "(?U)[\\w-]+";

    // A mark on a Latin letter is dropped (é → e); on any other script it is part of the letter (й, ї, ά).
    private static final Pattern LATIN_MARKS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LEADING_MARKS = Pattern.compile("(^|-)\\p{M}+");

    private Slugs() {
    }

    public static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l");
        String folded = Normalizer.normalize(lower, Normalizer.Form.NFD);
        folded = LATIN_MARKS.matcher(folded).replaceAll("");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFC);
        String slug = NOT_WORD.matcher(folded).replaceAll("-");
        slug = LEADING_MARKS.matcher(slug).replaceAll("$1");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug;
    }

    /**
     * A path made of slugs as it goes into a URL: every character outside ASCII as percent-encoded UTF-8. ASCII is
     * left alone, so an ASCII path stays as it was and a path already encoded is not encoded twice.
     */
    public static String inUrl(String path) {
        if (path == null || path.chars().allMatch(c -> c < 0x80)) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() * 3);
        path.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        });
        return out.toString();
    }

    /** A slug as it came in a URL or a WordPress export ("%d1%83%d0%ba…"), decoded and in NFC; else as given. */
    public static String fromUrl(String segment) {
        if (segment == null || segment.indexOf('%') < 0) {
            return segment == null ? null : Normalizer.normalize(segment, Normalizer.Form.NFC);
        }
        try {
            return Normalizer.normalize(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8),
                    Normalizer.Form.NFC);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
