package news.dateline.story;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * The words of a Markdown text as a reader sees them, without the markup: a link is its text (not its address),
 * a list is its items separated by commas, raw HTML the characters the page shows. commonmark's own text renderer
 * writes links as {@code "text" (url)} and list items with their dashes, which is wrong for a headline.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    /** One string per block (paragraph, heading, list, code), in order, each on one line. */
    static List<String> blocks(Node document) {
        List<String> out = new ArrayList<>();
        blocks(document, out);
        return out.stream().filter(b -> !b.isEmpty()).toList();
    }

    /**
     * The first sentence of the first block, at most {@code max} characters (code points): cut at a word and
     * ended with "…" when longer. Empty for a text without words.
     */
    static String headline(Node document, int max) {
        List<String> blocks = blocks(document);
        if (blocks.isEmpty()) {
            return "";
        }
        String first = blocks.getFirst();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(first);
        int end = sentences.next();
        String sentence = (end == BreakIterator.DONE ? first : first.substring(0, end)).strip();
        return shortened(sentence, max);
    }

    static String shortened(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, max - 1));
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    private static void blocks(Node parent, List<String> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListBlock) {
                List<String> items = new ArrayList<>();
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    String words = words(item);
                    if (!words.isEmpty()) {
                        items.add(words);
                    }
                }
                out.add(String.join(", ", items));
            } else if (node instanceof Paragraph || node instanceof Heading || node instanceof FencedCodeBlock
                    || node instanceof IndentedCodeBlock || node instanceof HtmlBlock || !(node instanceof Block)) {
                out.add(words(node));
            } else {
                blocks(node, out); // a block quote, a table: their blocks are the words
            }
        }
    }

    private static String words(Node node) {
        StringBuilder text = new StringBuilder();
        collect(node, text);
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static void collect(Node node, StringBuilder text) {
        switch (node) {
            case Text t -> text.append(t.getLiteral());
            case Code c -> text.append(c.getLiteral());
            case HtmlInline h -> text.append(h.getLiteral());
            case HtmlBlock h -> text.append(h.getLiteral());
            case FencedCodeBlock f -> text.append(f.getLiteral());
            case IndentedCodeBlock i -> text.append(i.getLiteral());
            case SoftLineBreak s -> text.append(' ');
            case HardLineBreak h -> text.append(' ');
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    collect(child, text);
                }
                // emphasis and links run inside a sentence; anything else (a list item, a table cell) is apart
                if (!(node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Link)) {
                    text.append(' ');
                }
            }
        }
    }
}
