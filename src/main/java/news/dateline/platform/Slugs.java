package news.dateline.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a headline or a name into the ASCII slug used in URLs: "São Paulo" becomes "sao-paulo". */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
        folded = MARKS.matcher(folded).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
                .toLowerCase(Locale.ROOT);
        String slug = NOT_ALNUM.matcher(folded).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug;
    }
}
