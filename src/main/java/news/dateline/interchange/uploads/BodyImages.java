package news.dateline.interchange.uploads;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The {@code <img>} tags of a WordPress body, read and rewritten where they stand: the body is WordPress markup
 * (shortcodes, {@code wpautop} paragraphs still to come), not HTML to parse whole, so only each tag's {@code src}
 * and {@code alt} are touched and everything around them is left byte for byte.
 */
final class BodyImages {

    private static final Pattern IMG = Pattern.compile("(?i)<img\\b[^>]*>");

    private BodyImages() {
    }

    /** One tag: its text, and its {@code src} and {@code alt} as text (entities decoded; null when absent). */
    record Tag(String html, String src, String alt) {

        /** The same tag with {@code src} at {@code address} and {@code alt} set (added when it had none). */
        String with(String address, String newAlt) {
            String out = replace(html, "src", address);
            if (newAlt == null || newAlt.equals(alt)) {
                return out;
            }
            Matcher at = attribute("alt").matcher(out);
            if (at.find()) {
                return out.substring(0, at.start(1)) + quoted(newAlt) + out.substring(at.end(1));
            }
            int end = out.endsWith("/>") ? out.length() - 2 : out.length() - 1;
            return out.substring(0, end).stripTrailing() + " alt=" + quoted(newAlt)
                    + (out.endsWith("/>") ? " />" : ">");
        }
    }

    /** {@code html} with each {@code <img>} tag replaced by what {@code rewrite} makes of it. */
    static String each(String html, Function<Tag, String> rewrite) {
        Matcher tags = IMG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (tags.find()) {
            String tag = tags.group();
            tags.appendReplacement(out, Matcher.quoteReplacement(rewrite.apply(
                    new Tag(tag, value(tag, "src"), value(tag, "alt")))));
        }
        tags.appendTail(out);
        return out.toString();
    }

    /** {@code name="value"}, {@code name='value'} or {@code name=value}, not part of a longer name. */
    private static Pattern attribute(String name) {
        return Pattern.compile("(?i)(?<=[\\s\"'])" + name + "\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+)");
    }

    private static String value(String tag, String name) {
        Matcher at = attribute(name).matcher(tag);
        if (!at.find()) {
            return null;
        }
        String raw = at.group(1);
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            raw = raw.substring(1, raw.length() - 1);
        }
        return Parser.unescapeEntities(raw, true);
    }

    private static String replace(String tag, String name, String value) {
        Matcher at = attribute(name).matcher(tag);
        return at.find() ? tag.substring(0, at.start(1)) + quoted(value) + tag.substring(at.end(1)) : tag;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                + "\"";
    }
}
