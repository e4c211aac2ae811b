package news.dateline.story.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Document;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A paragraph of the body that is only a bare URL of a known provider ({@link Embed}) becomes a privacy-first
 * placeholder: a figure naming the provider, with the link and a button that {@code assets/embeds.js} turns into
 * the provider's frame when the reader asks. Nothing is loaded from the provider before that; without script the
 * button stays hidden and the reader has the link. Needs the autolink extension before it (a bare URL is a link).
 */
public final class EmbedExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** The button's words, also read by the tests. */
    public static final String LOAD = "Load content from ";

    private EmbedExtension() {
    }

    public static EmbedExtension create() {
        return new EmbedExtension();
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessor(EmbedExtension::replaceLoneLinks);
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(PlaceholderRenderer::new);
    }

    /** Only paragraphs directly in the document: a URL in a list item or a quote is part of that, not an embed. */
    private static Node replaceLoneLinks(Node document) {
        if (!(document instanceof Document)) {
            return document;
        }
        Node child = document.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Paragraph paragraph) {
                loneUrl(paragraph).flatMap(Embed::of).ifPresent(embed -> {
                    EmbedBlock block = new EmbedBlock(embed);
                    block.appendChild(new Text(embed.link())); // what plain-text summaries read
                    paragraph.insertBefore(block);
                    paragraph.unlink();
                });
            }
            child = next;
        }
        return document;
    }

    /** The URL when the paragraph holds one link whose text is its own address (an autolinked URL), and nothing else. */
    private static Optional<String> loneUrl(Paragraph paragraph) {
        Node only = paragraph.getFirstChild();
        if (!(only instanceof Link link) || only.getNext() != null) {
            return Optional.empty();
        }
        Node text = link.getFirstChild();
        if (!(text instanceof Text literal) || text.getNext() != null
                || !literal.getLiteral().equals(link.getDestination())) {
            return Optional.empty();
        }
        return Optional.of(link.getDestination());
    }

    private static final class EmbedBlock extends CustomBlock {

        private final Embed embed;

        EmbedBlock(Embed embed) {
            this.embed = embed;
        }
    }

    private static final class PlaceholderRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        PlaceholderRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(EmbedBlock.class);
        }

        @Override
        public void render(Node node) {
            Embed embed = ((EmbedBlock) node).embed;
            Map<String, String> figure = new LinkedHashMap<>();
            figure.put("class", "embed");
            figure.put("data-embed-provider", embed.provider());
            figure.put("data-embed-frame", embed.frame());
            html.line();
            html.tag("figure", figure);
            html.tag("button", Map.of("type", "button", "class", "embed-load", "hidden", ""));
            html.text(LOAD + embed.provider());
            html.tag("/button");
            html.tag("figcaption");
            html.text(embed.provider() + ": ");
            html.tag("a", Map.of("href", context.encodeUrl(embed.link())));
            html.text(embed.link());
            html.tag("/a");
            html.tag("/figcaption");
            html.tag("/figure");
            html.line();
        }
    }
}
