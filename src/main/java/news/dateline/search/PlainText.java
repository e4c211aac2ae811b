package news.dateline.search;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * An article body's words without its Markdown: what the index holds and snippets show. Link targets and
 * emphasis marks are dropped; raw HTML stays as the text the article page shows; paragraphs and headings
 * become lines.
 */
final class PlainText {

    private static final Parser PARSER = Parser.builder().build();

    private PlainText() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder(markdown.length());
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(node.getLiteral());
                endBlock();
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                text.append(node.getLiteral());
                endBlock();
            }

            /** The article page shows raw HTML as text (it is escaped), so the index holds it as text too. */
            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlBlock node) {
                text.append(node.getLiteral());
                endBlock();
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append('\n');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block && parent.getParent() != null && parent.getFirstChild() != null
                        && !(parent.getLastChild() instanceof Block)) {
                    endBlock();
                }
            }

            private void endBlock() {
                int end = text.length();
                while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                text.setLength(end);
                if (end > 0) {
                    text.append('\n');
                }
            }
        });
        return text.toString().strip();
    }
}
