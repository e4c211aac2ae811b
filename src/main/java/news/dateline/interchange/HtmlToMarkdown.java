package news.dateline.interchange;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.story.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML to the Markdown our articles are written in (commonmark with GFM tables and strikethrough). Our renderer
 * escapes raw HTML, so nothing is kept as HTML: what Markdown cannot say (merged table cells, embeds, scripts)
 * becomes its nearest Markdown and is named in {@code notes}. Text is escaped so that it renders exactly as it
 * read in WordPress: backslashes, asterisks and ampersands included.
 */
public final class HtmlToMarkdown {

    /** A line break opening or closing a paragraph shows nothing in HTML, and a stray backslash in Markdown. */
    static final String UNSAFE_URL_DROPPED =
            "a link, image or embed with a data:, javascript: or other unsafe address dropped";
    private static final Pattern HARD_BREAKS_AT_EDGES = Pattern.compile("^\\s*(?:\\\\\n\\s*)+|(?:\\\\\n\\s*)+$");
    private static final Pattern LEADING_BREAKS = Pattern.compile("^\\s*(?:\\\\\n\\s*)+");
    private static final Pattern TRAILING_BREAKS = Pattern.compile("(?:\\\\\n\\s*)+$");
    /** A hard break inside a table cell or a heading, which cannot hold one: a space instead. */
    private static final Pattern INNER_BREAK = Pattern.compile("\\\\\n\\s*");
    private static final Pattern URL_ONLY = Pattern.compile("https?://\\S+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\f\\r]+");
    private static final Pattern ALWAYS_ESCAPED = Pattern.compile("([\\\\`*_\\[\\]<>&|~])");
    private static final Pattern LINE_START = Pattern.compile("^(\\s*)([#=+-])");
    private static final Pattern LIST_NUMBER = Pattern.compile("^(\\s*\\d+)([.)])");

    private HtmlToMarkdown() {
    }

    /** Shared with the wire desk, which turns agency XHTML into a draft's body the same way. */
    public static String convert(String html, Set<String> notes) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        blocks(body, out, notes);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void blocks(Element parent, StringBuilder out, Set<String> notes) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flush(inline, out);
                block(e, out, notes);
            } else {
                inline(node, inline, notes);
            }
        }
        flush(inline, out);
    }

    private static void flush(StringBuilder inline, StringBuilder out) {
        String text = HARD_BREAKS_AT_EDGES.matcher(inline.toString()).replaceAll("").strip();
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
        inline.setLength(0);
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table",
                 "figure", "section", "article", "aside", "header", "footer", "nav", "dl", "address", "iframe",
                 "video", "audio", "object", "embed", "script", "style", "form", "details", "main", "center" -> true;
            default -> false;
        };
    }

    private static void block(Element e, StringBuilder out, Set<String> notes) {
        switch (e.normalName()) {
            case "p" -> paragraph(e, out, notes);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = oneLine(inlineOf(e, notes));
                if (!text.isEmpty()) {
                    out.append("#".repeat(e.normalName().charAt(1) - '0')).append(' ').append(text).append("\n\n");
                }
            }
            case "ul", "ol" -> {
                list(e, out, "", notes);
                out.append('\n');
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(e, inner, notes);
                String quoted = inner.toString().strip();
                if (!quoted.isEmpty()) {
                    out.append(quoted.lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                            .reduce((a, b) -> a + "\n" + b).orElse("")).append("\n\n");
                }
            }
            case "pre" -> {
                String code = e.wholeText();
                String fence = "```";
                while (code.contains(fence)) {
                    fence += "`";
                }
                out.append(fence).append('\n').append(code.endsWith("\n") ? code : code + "\n")
                        .append(fence).append("\n\n");
            }
            case "hr" -> out.append("* * *\n\n");
            case "table" -> table(e, out, notes);
            case "figure" -> {
                if (embed(e, out, notes)) {
                    return;
                }
                StringBuilder inline = new StringBuilder();
                for (Element img : e.select("img")) {
                    image(img, inline, notes);
                }
                flush(inline, out);
                Element caption = e.selectFirst("figcaption");
                if (caption != null) {
                    paragraph(caption, out, notes);
                }
                if (e.selectFirst("img") == null && caption == null) {
                    blocks(e, out, notes);
                }
            }
            case "iframe", "video", "audio", "object", "embed" -> {
                String src = e.hasAttr("src") ? e.absUrl("src").isEmpty() ? e.attr("src") : e.attr("src")
                        : e.selectFirst("source") != null ? e.selectFirst("source").attr("src") : e.attr("data");
                if (!MarkdownRenderer.isSafeUrl(src)) {
                    notes.add(UNSAFE_URL_DROPPED);
                } else if (!src.isBlank()) {
                    notes.add("<" + e.normalName() + "> replaced by a link to its source");
                    out.append('<').append(src.strip().replace(" ", "%20")).append(">\n\n");
                } else {
                    notes.add("<" + e.normalName() + "> replaced by a link to its source");
                }
            }
            case "script", "style", "form" -> notes.add("<" + e.normalName() + "> dropped");
            default -> blocks(e, out, notes);
        }
    }

    /**
     * The block editor's embed (a tweet, a video): a figure holding the address as text and maybe a caption. The
     * address becomes a link line, the caption a paragraph below it.
     */
    private static boolean embed(Element figure, StringBuilder out, Set<String> notes) {
        Element wrapper = figure.selectFirst(".wp-block-embed__wrapper");
        if (wrapper == null || figure.selectFirst("img, iframe, video, audio, object, embed") != null) {
            return false;
        }
        String url = wrapper.text().strip();
        if (!URL_ONLY.matcher(url).matches()) {
            return false;
        }
        notes.add("embed block replaced by a link to its source");
        out.append('<').append(url.replace("<", "%3C").replace(">", "%3E")).append(">\n\n");
        Element caption = figure.selectFirst("figcaption");
        if (caption != null) {
            paragraph(caption, out, notes);
        }
        return true;
    }

    /** A table cell's or heading's text: line breaks at its edges dropped, those inside made spaces. */
    private static String oneLine(String inline) {
        String text = HARD_BREAKS_AT_EDGES.matcher(inline).replaceAll("").strip();
        return INNER_BREAK.matcher(text).replaceAll(" ").replace("\n", " ").strip();
    }

    private static void paragraph(Element e, StringBuilder out, Set<String> notes) {
        String text = HARD_BREAKS_AT_EDGES.matcher(inlineOf(e, notes)).replaceAll("").strip();
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
    }

    private static void list(Element list, StringBuilder out, String indent, Set<String> notes) {
        int number = 1;
        boolean ordered = "ol".equals(list.normalName());
        for (Element item : list.children()) {
            if (!"li".equals(item.normalName())) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            StringBuilder text = new StringBuilder();
            StringBuilder nested = new StringBuilder();
            for (Node node : item.childNodes()) {
                if (node instanceof Element child && ("ul".equals(child.normalName()) || "ol".equals(child.normalName()))) {
                    list(child, nested, indent + " ".repeat(marker.length()), notes);
                } else if (node instanceof Element child && isBlock(child)) {
                    text.append(' ').append(inlineOf(child, notes));
                } else {
                    inline(node, text, notes);
                }
            }
            String line = text.toString().strip().replace("\n", "\n" + indent + " ".repeat(marker.length()));
            out.append(indent).append(marker).append(line).append('\n').append(nested);
        }
    }

    private static void table(Element table, StringBuilder out, Set<String> notes) {
        List<Element> rows = table.select("tr");
        if (rows.isEmpty()) {
            return;
        }
        boolean merged = !table.select("[colspan],[rowspan]").isEmpty() || !table.select("table table").isEmpty();
        if (merged) {
            notes.add("table with merged cells flattened to paragraphs");
            for (Element cell : table.select("td, th")) {
                paragraph(cell, out, notes);
            }
            return;
        }
        int columns = rows.stream().mapToInt(r -> r.select("> td, > th").size()).max().orElse(0);
        for (int r = 0; r < rows.size(); r++) {
            List<Element> cells = rows.get(r).select("> td, > th");
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < columns; c++) {
                String text = c < cells.size() ? oneLine(inlineOf(cells.get(c), notes)) : "";
                line.append(' ').append(text).append(" |");
            }
            out.append(line).append('\n');
            if (r == 0) {
                out.append("|").append(" --- |".repeat(columns)).append('\n');
            }
        }
        out.append('\n');
    }

    private static String inlineOf(Element e, Set<String> notes) {
        StringBuilder text = new StringBuilder();
        for (Node node : e.childNodes()) {
            inline(node, text, notes);
        }
        return text.toString();
    }

    private static void inline(Node node, StringBuilder out, Set<String> notes) {
        if (node instanceof TextNode text) {
            String collapsed = SPACES.matcher(text.getWholeText()).replaceAll(" ");
            if (collapsed.startsWith(" ") && (out.isEmpty() || endsWithSpace(out))) {
                collapsed = collapsed.substring(1);
            }
            out.append(escape(collapsed, out.isEmpty() || out.charAt(out.length() - 1) == '\n'));
            return;
        }
        if (!(node instanceof Element e)) {
            return; // comments, including WordPress's block markers
        }
        switch (e.normalName()) {
            case "br" -> {
                trimTrailingSpace(out);
                out.append("\\\n");
            }
            case "strong", "b" -> wrap(e, "**", out, notes);
            case "em", "i" -> wrap(e, "*", out, notes);
            case "del", "s", "strike" -> wrap(e, "~~", out, notes);
            case "code", "kbd", "tt" -> {
                String code = e.text();
                if (code.isEmpty()) {
                    return;
                }
                String ticks = "`";
                while (code.contains(ticks)) {
                    ticks += "`";
                }
                String pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
                out.append(ticks).append(pad).append(code).append(pad).append(ticks);
            }
            case "a" -> link(e, out, notes);
            case "img" -> image(e, out, notes);
            case "script", "style" -> notes.add("<" + e.normalName() + "> dropped");
            case "iframe", "video", "audio", "object", "embed" -> {
                if (!MarkdownRenderer.isSafeUrl(e.attr("src"))) {
                    notes.add(UNSAFE_URL_DROPPED);
                } else {
                    notes.add("<" + e.normalName() + "> replaced by a link to its source");
                    if (!e.attr("src").isBlank()) {
                        out.append('<').append(e.attr("src").strip().replace(" ", "%20")).append('>');
                    }
                }
            }
            default -> {
                for (Node child : e.childNodes()) {
                    inline(child, out, notes);
                }
            }
        }
    }

    private static void wrap(Element e, String mark, StringBuilder out, Set<String> notes) {
        String inner = inlineOf(e, notes);
        boolean breakBefore = LEADING_BREAKS.matcher(inner).find();
        boolean breakAfter = TRAILING_BREAKS.matcher(inner).find();
        inner = HARD_BREAKS_AT_EDGES.matcher(inner).replaceAll("");
        if (breakBefore) {
            lineBreak(out);
        }
        String core = inner.strip();
        if (core.isEmpty()) {
            out.append(inner.isEmpty() || endsWithSpace(out) ? "" : " ");
            return;
        }
        if (Character.isWhitespace(inner.charAt(0)) && !endsWithSpace(out) && !out.isEmpty()) {
            out.append(' ');
        }
        out.append(mark).append(core).append(mark);
        if (breakAfter) {
            lineBreak(out);
        } else if (Character.isWhitespace(inner.charAt(inner.length() - 1))) {
            out.append(' ');
        }
    }

    /**
     * A hard break in Markdown is a backslash before the newline. Inside emphasis or a link text it would show as
     * a backslash: a break at the edge of such an element goes outside it.
     */
    private static void lineBreak(StringBuilder out) {
        trimTrailingSpace(out);
        out.append("\\\n");
    }

    private static void link(Element a, StringBuilder out, Set<String> notes) {
        String href = a.attr("href").strip();
        String inner = inlineOf(a, notes);
        boolean breakBefore = LEADING_BREAKS.matcher(inner).find();
        boolean breakAfter = TRAILING_BREAKS.matcher(inner).find();
        String text = HARD_BREAKS_AT_EDGES.matcher(inner).replaceAll("").strip();
        if (breakBefore) {
            lineBreak(out);
        }
        if (href.isEmpty() || !MarkdownRenderer.isSafeUrl(href)) {
            if (!href.isEmpty()) {
                notes.add(UNSAFE_URL_DROPPED);
            }
            out.append(text);
        } else {
            linkTo(a, href, text, out);
        }
        if (breakAfter) {
            lineBreak(out);
        }
    }

    private static void linkTo(Element a, String href, String text, StringBuilder out) {
        if (text.isEmpty()) {
            text = escape(href, false);
        }
        out.append('[').append(text).append("](").append(destination(href));
        if (a.hasAttr("title") && !a.attr("title").isBlank()) {
            out.append(" \"").append(a.attr("title").replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        out.append(')');
    }

    private static void image(Element img, StringBuilder out, Set<String> notes) {
        String src = img.attr("src").strip();
        if (src.isEmpty()) {
            return;
        }
        if (!MarkdownRenderer.isSafeUrl(src)) {
            notes.add(UNSAFE_URL_DROPPED);
            return;
        }
        out.append("![").append(escape(img.attr("alt"), false)).append("](").append(destination(src)).append(')');
    }

    private static String destination(String url) {
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">";
    }

    static String escape(String text, boolean atLineStart) {
        String escaped = ALWAYS_ESCAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group(1)));
        if (atLineStart) {
            escaped = LINE_START.matcher(escaped).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + "\\" + m.group(2)));
            escaped = LIST_NUMBER.matcher(escaped).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + "\\" + m.group(2)));
        }
        return escaped;
    }

    private static boolean endsWithSpace(StringBuilder out) {
        return !out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\n');
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
