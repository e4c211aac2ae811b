package news.dateline.story;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders article bodies. Raw HTML in the Markdown is escaped, not passed through, and link URLs are
 * sanitised, so a body can never inject script into the page. Sub-headings get ids for anchors.
 */
@Component
public class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    /**
     * Bodies change far less often than they are read, and parsing is the largest share of an uncached render.
     * Keyed by the text itself, so an edit can never be served with an old rendering.
     */
    private final Cache<Body, String> rendered = Caffeine.newBuilder().maximumSize(2_000).build();

    private record Body(String markdown, String datelinePlace) {
    }

    MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                // code and tables wider than the column scroll in their own box; a keyboard must reach it too
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (tagName.equals("pre") || tagName.equals("table")) {
                        attributes.put("tabindex", "0");
                    }
                })
                .build();
    }

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /**
     * The words without the markup, on one line: for summaries that link elsewhere (live key events). A link is
     * its text, a list its items separated by commas.
     */
    public String toPlainText(String markdown) {
        return String.join(" ", MarkdownText.blocks(parser.parse(markdown)));
    }

    /** A headline for a text that has none (a live entry): its first sentence as plain text, at most {@code max}. */
    public String headlineOf(String markdown, int max) {
        return MarkdownText.headline(parser.parse(markdown), max);
    }

    /**
     * The body as readers get it, on the page and in feeds. Newswire style: the place opens the first
     * paragraph, "GENEVA — The talks…".
     */
    public String toHtml(String markdown, String datelinePlace) {
        return rendered.get(new Body(markdown, datelinePlace), body -> withDateline(body.markdown(), body.datelinePlace()));
    }

    private String withDateline(String markdown, String datelinePlace) {
        String html = toHtml(markdown);
        if (datelinePlace.isBlank() || !html.startsWith("<p>")) {
            return html;
        }
        return "<p><span class=\"dateline\">" + HtmlUtils.htmlEscape(datelinePlace) + " —</span> " + html.substring(3);
    }
}
