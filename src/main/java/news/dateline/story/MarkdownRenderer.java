package news.dateline.story;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.dateline.story.embed.EmbedExtension;
import news.dateline.story.photo.InlinePhotoExtension;
import news.dateline.story.photo.InlinePhotos;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders article bodies. Raw HTML in the Markdown is escaped, not passed through, and link and image URLs are
 * sanitised ({@link #isSafeUrl}: http, https, mailto or relative; never {@code data:}, {@code javascript:},
 * {@code vbscript:} or anything else), so a body can never inject script into the page. Sub-headings get ids for
 * anchors.
 */
@Component
public class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    /** The same, saying in the body which library pictures readers will not see (the editor's preview). */
    private final HtmlRenderer previewRenderer;
    private final java.util.function.Supplier<InlinePhotos> photos;
    /**
     * Bodies change far less often than they are read, and parsing is the largest share of an uncached render.
     * Keyed by the text itself, so an edit can never be served with an old rendering.
     */
    private final Cache<Body, String> rendered = Caffeine.newBuilder().maximumSize(2_000).build();

    /** @param pictures the library's version when the body places pictures (they change without the text), else "" */
    private record Body(String markdown, String datelinePlace, String pictures) {
    }

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    /** What a browser ignores in a URL (WHATWG URL parsing): {@code java\tscript:} is {@code javascript:} to it. */
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\t\\n\\r]");
    private static final Pattern LEADING_CONTROLS = Pattern.compile("^[\\x00-\\x20]+");

    /**
     * A URL a reader's browser may follow or load from a staff-written or imported body: one without a scheme
     * (relative, {@code //host/…}, {@code #anchor}) or with http, https or mailto. A {@code data:} URL is refused
     * too: in a link it opens a page of the link's choosing, in an image it embeds what nobody reviewed.
     */
    public static boolean isSafeUrl(String url) {
        String cleaned = LEADING_CONTROLS.matcher(IGNORED_BY_BROWSERS.matcher(url).replaceAll("")).replaceFirst("");
        int colon = cleaned.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String scheme = cleaned.substring(0, colon);
        if (scheme.indexOf('/') >= 0 || scheme.indexOf('?') >= 0 || scheme.indexOf('#') >= 0) {
            return true; // the colon is in a relative path, query or fragment
        }
        return SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** Commonmark's own sanitiser lets {@code data:} through; an unsafe URL becomes an empty one. */
    private static final class SafeUrls implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }
    }

    /** Without the photo library: a body's {@code media:} pictures show nothing. */
    MarkdownRenderer() {
        this(() -> null);
    }

    @Autowired
    MarkdownRenderer(ObjectProvider<InlinePhotos> photos) {
        this(photos::getIfAvailable);
    }

    private MarkdownRenderer(java.util.function.Supplier<InlinePhotos> photos) {
        this.photos = photos;
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), HeadingAnchorExtension.create(), EmbedExtension.create(),
                InlinePhotoExtension.create(photos, false));
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = renderer(extensions);
        List<Extension> previewing = new java.util.ArrayList<>(extensions);
        previewing.set(extensions.size() - 1, InlinePhotoExtension.create(photos, true));
        this.previewRenderer = renderer(previewing);
    }

    private static HtmlRenderer renderer(List<Extension> extensions) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
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
        InlinePhotos library = markdown.contains("media:") ? photos.get() : null;
        return rendered.get(new Body(markdown, datelinePlace, library == null ? "" : library.version()),
                body -> withDateline(renderer, body.markdown(), body.datelinePlace()));
    }

    /** The editor's live preview: as readers get it, plus a note for each library picture they will not see. */
    public String toPreviewHtml(String markdown, String datelinePlace) {
        return withDateline(previewRenderer, markdown, datelinePlace);
    }

    private String withDateline(HtmlRenderer html, String markdown, String datelinePlace) {
        String rendered = html.render(parser.parse(markdown));
        if (datelinePlace.isBlank() || !rendered.startsWith("<p>")) {
            return rendered;
        }
        return "<p><span class=\"dateline\">" + HtmlUtils.htmlEscape(datelinePlace) + " —</span> " + rendered.substring(3);
    }
}
