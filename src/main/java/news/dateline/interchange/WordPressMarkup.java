package news.dateline.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What WordPress stores is not quite HTML: classic posts rely on {@code wpautop} (a blank line is a paragraph, a
 * line break is a {@code <br>}), block posts wrap HTML in {@code <!-- wp:... -->} comments, and both may carry
 * shortcodes. This turns such content into plain HTML, noting what it had to drop.
 */
final class WordPressMarkup {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile(
            "(?is)^\\s*</?(p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure|hr|"
                    + "iframe|form|address|section|article|aside|header|footer|nav|details|summary|style|script|"
                    + "object|video|audio|math|svg)\\b");
    private static final Pattern PRE = Pattern.compile("(?is)<pre\\b.*?</pre>");
    private static final Pattern CAPTION = Pattern.compile(
            "(?is)\\[caption\\b[^\\]]*\\](.*?)\\[/caption\\]");
    private static final Pattern CAPTION_PARTS = Pattern.compile("(?is)^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$");
    private static final Pattern EMBED = Pattern.compile("(?is)\\[embed\\b[^\\]]*\\](.*?)\\[/embed\\]");
    private static final Pattern DROPPED_SHORTCODE = Pattern.compile(
            "(?is)\\[(gallery|audio|video|playlist|contact-form(?:-7)?|recent-posts)\\b[^\\]]*\\]"
                    + "(?:.*?\\[/\\1\\])?");

    private WordPressMarkup() {
    }

    /** Plain HTML for {@code content}; what was dropped is added to {@code notes}. */
    static String toHtml(String content, Set<String> notes) {
        String html = content.replace("\r\n", "\n").replace('\r', '\n');
        boolean blocks = html.contains("<!-- wp:");
        html = BLOCK_COMMENT.matcher(html).replaceAll("");
        html = shortcodes(html, notes);
        return blocks ? html : autop(html);
    }

    private static String shortcodes(String html, Set<String> notes) {
        Matcher caption = CAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (caption.find()) {
            Matcher parts = CAPTION_PARTS.matcher(caption.group(1));
            String figure = parts.matches()
                    ? "<figure>" + parts.group(1) + "<figcaption>" + parts.group(2).strip() + "</figcaption></figure>"
                    : caption.group(1);
            caption.appendReplacement(out, Matcher.quoteReplacement(figure));
        }
        caption.appendTail(out);
        html = EMBED.matcher(out.toString()).replaceAll(m -> Matcher.quoteReplacement(
                "<p><a href=\"" + m.group(1).strip() + "\">" + m.group(1).strip() + "</a></p>"));
        Matcher dropped = DROPPED_SHORTCODE.matcher(html);
        StringBuilder kept = new StringBuilder();
        while (dropped.find()) {
            notes.add("[" + dropped.group(1).toLowerCase() + "] shortcode dropped (no equivalent here)");
            dropped.appendReplacement(kept, "");
        }
        dropped.appendTail(kept);
        return kept.toString();
    }

    private static final Pattern LINE_BREAK = Pattern.compile("(?<!>)\\n(?!\\s*<(?:/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|"
            + "blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|iframe|form|address|section|article|"
            + "aside|header|footer|nav)\\b))");

    /** A newline is a line break, except next to a block tag (wpautop does not break between blocks either). */
    private static String lineBreaks(String chunk) {
        return LINE_BREAK.matcher(chunk).replaceAll("<br>\n");
    }

    /** WordPress's wpautop in short: blank lines make paragraphs, single newlines make line breaks. */
    static String autop(String html) {
        List<String> pres = new ArrayList<>();
        Matcher pre = PRE.matcher(html);
        StringBuilder protectedHtml = new StringBuilder();
        while (pre.find()) {
            pres.add(pre.group());
            pre.appendReplacement(protectedHtml, "\u0000" + (pres.size() - 1) + "\u0000");
        }
        pre.appendTail(protectedHtml);
        StringBuilder out = new StringBuilder();
        for (String chunk : BLANK_LINE.split(protectedHtml.toString().strip())) {
            if (chunk.isBlank()) {
                continue;
            }
            if (STARTS_WITH_BLOCK.matcher(chunk).find() || chunk.strip().startsWith("\u0000")) {
                out.append(chunk).append('\n');
            } else {
                out.append("<p>").append(lineBreaks(chunk.strip())).append("</p>\n");
            }
        }
        String result = out.toString();
        for (int i = 0; i < pres.size(); i++) {
            result = result.replace("\u0000" + i + "\u0000", pres.get(i));
        }
        return result;
    }
}
