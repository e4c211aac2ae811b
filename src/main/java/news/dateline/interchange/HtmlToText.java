package news.dateline.interchange;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** WordPress comment HTML to the plain text our comments are stored as (paragraphs by blank lines). */
final class HtmlToText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!]");

    private HtmlToText() {
    }

    /** Text without markup is kept exactly as it is; markup becomes text, a link keeps its address. */
    static String of(String html) {
        if (!LOOKS_LIKE_HTML.matcher(html).find()) {
            return html.strip();
        }
        StringBuilder out = new StringBuilder();
        append(Jsoup.parseBodyFragment(html.replace("\r\n", "\n")).body(), out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element e) {
                switch (e.normalName()) {
                    case "br" -> out.append('\n');
                    case "p", "div", "blockquote", "li", "pre" -> {
                        out.append("\n\n");
                        append(e, out);
                        out.append("\n\n");
                    }
                    case "a" -> {
                        append(e, out);
                        String href = e.attr("href");
                        if (!href.isBlank() && !e.text().strip().equals(href.strip())) {
                            out.append(" (").append(href.strip()).append(')');
                        }
                    }
                    case "script", "style" -> {
                    }
                    default -> append(e, out);
                }
            }
        }
    }
}
