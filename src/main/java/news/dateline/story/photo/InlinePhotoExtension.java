package news.dateline.story.photo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Document;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Library pictures in a body. A paragraph that holds only Markdown images addressed {@code media:<id>}, such as
 * <pre>![A ferry at the quay](media:42 "The first ferry in a week docks.")</pre>
 * becomes a {@code <figure>} with a {@code <picture>} (WebP and JPEG {@code srcset}), the caption and the credit;
 * two or more such images in one paragraph (one a line) are a gallery, a list of figures. The alt text written in
 * the body wins over the library's, the title over its caption. In plain Markdown the same text is an image with
 * its alt text. An id that is no picture in the library (or none of whose sizes is ready) shows nothing; the editor's
 * preview says so. A {@code media:} image anywhere else (inside a sentence, a list) is its alt text, never a
 * broken image.
 */
public final class InlinePhotoExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** The preview's words for an id the library does not have, also read by the tests. */
    public static final String MISSING = "Picture #%d is not in the library (or not ready yet): readers will not see it.";
    /** The column is the article's (--measure, 42rem), as the lead photo's. */
    static final String SIZES = LeadPhoto.SIZES;
    /** A gallery's figures: about three across the 42rem column ({@code minmax(12rem, 1fr)}), one on a phone. */
    static final String GALLERY_SIZES = "(min-width: 44rem) 14rem, (min-width: 26rem) 50vw, 100vw";

    private static final Pattern ADDRESS = Pattern.compile("media:(\\d{1,18})");
    private static final Parser IDS = Parser.builder().build();

    private final Supplier<InlinePhotos> photos;
    private final boolean preview;

    private InlinePhotoExtension(Supplier<InlinePhotos> photos, boolean preview) {
        this.photos = photos;
        this.preview = preview;
    }

    /** @param photos the library, or a supplier of null when there is none (then such images show nothing) */
    public static InlinePhotoExtension create(Supplier<InlinePhotos> photos, boolean preview) {
        return new InlinePhotoExtension(photos, preview);
    }

    /** The library ids a body places, in order, each once: what {@code media_use} records as {@code inline}. */
    public static List<Long> ids(String markdown) {
        Set<Long> ids = new LinkedHashSet<>();
        IDS.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Long id = id(image.getDestination());
                if (id != null) {
                    ids.add(id);
                }
            }
        });
        return List.copyOf(ids);
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessor(InlinePhotoExtension::placePictures);
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(context -> new PictureRenderer(context, photos, preview));
    }

    private record Placed(long id, String alt, String caption) {
    }

    private static Long id(String destination) {
        Matcher m = ADDRESS.matcher(destination == null ? "" : destination.strip());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static Node placePictures(Node document) {
        if (!(document instanceof Document)) {
            return document;
        }
        for (Node child = document.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            if (child instanceof Paragraph paragraph) {
                List<Placed> placed = onlyPictures(paragraph);
                if (!placed.isEmpty()) {
                    PictureBlock block = new PictureBlock(placed);
                    placed.forEach(p -> block.appendChild(new Text(p.alt() + " "))); // what plain-text summaries read
                    paragraph.insertBefore(block);
                    paragraph.unlink();
                }
            }
            child = next;
        }
        // Whatever is left (a picture inside a sentence, a list or a quote) is its words.
        List<Image> stray = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (id(image.getDestination()) != null) {
                    stray.add(image);
                }
            }
        });
        stray.forEach(image -> {
            image.insertBefore(new Text(altOf(image)));
            image.unlink();
        });
        return document;
    }

    /** The pictures when the paragraph is nothing else (line breaks and spaces between them aside). */
    private static List<Placed> onlyPictures(Paragraph paragraph) {
        List<Placed> placed = new ArrayList<>();
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Image image && id(image.getDestination()) != null) {
                placed.add(new Placed(id(image.getDestination()), altOf(image),
                        image.getTitle() == null ? "" : image.getTitle().strip()));
            } else if (!(node instanceof SoftLineBreak) && !(node instanceof Text text && text.getLiteral().isBlank())) {
                return List.of();
            }
        }
        return placed;
    }

    private static String altOf(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }
        });
        return alt.toString().strip();
    }

    private static final class PictureBlock extends CustomBlock {

        private final List<Placed> placed;

        PictureBlock(List<Placed> placed) {
            this.placed = placed;
        }
    }

    private static final class PictureRenderer implements NodeRenderer {

        private final HtmlWriter html;
        private final Supplier<InlinePhotos> photos;
        private final boolean preview;

        PictureRenderer(HtmlNodeRendererContext context, Supplier<InlinePhotos> photos, boolean preview) {
            this.html = context.getWriter();
            this.photos = photos;
            this.preview = preview;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(PictureBlock.class);
        }

        @Override
        public void render(Node node) {
            List<Placed> placed = ((PictureBlock) node).placed;
            InlinePhotos library = photos.get();
            Map<Long, LeadPhoto> found = library == null ? Map.of()
                    : library.pictures(placed.stream().map(Placed::id).toList());
            List<Placed> shown = placed.stream().filter(p -> found.containsKey(p.id())).toList();
            html.line();
            if (preview) {
                placed.stream().filter(p -> !found.containsKey(p.id())).forEach(p -> {
                    html.tag("p", Map.of("class", "photo-missing", "role", "note"));
                    html.text(MISSING.formatted(p.id()));
                    html.tag("/p");
                    html.line();
                });
            }
            if (shown.size() == 1) {
                figure(shown.getFirst(), found.get(shown.getFirst().id()), "inline-photo", SIZES);
            } else if (shown.size() > 1) {
                html.tag("ul", Map.of("class", "gallery", "aria-label", "Gallery of " + shown.size() + " photos"));
                for (Placed p : shown) {
                    html.tag("li");
                    figure(p, found.get(p.id()), "gallery-photo", GALLERY_SIZES);
                    html.tag("/li");
                }
                html.tag("/ul");
            }
            html.line();
        }

        private void figure(Placed placed, LeadPhoto photo, String kind, String sizes) {
            String alt = placed.alt().isEmpty() ? photo.alt() : placed.alt();
            String caption = placed.caption().isEmpty() ? photo.caption() : placed.caption();
            html.tag("figure", Map.of("class", kind));
            html.tag("picture");
            if (!photo.webp().isEmpty()) {
                html.tag("source", Map.of("type", "image/webp", "srcset", photo.webpSrcset(), "sizes", sizes), true);
            }
            Map<String, String> img = new LinkedHashMap<>();
            img.put("src", photo.fallback().url());
            img.put("srcset", photo.jpegSrcset());
            img.put("sizes", sizes);
            img.put("width", Integer.toString(photo.fallback().width()));
            img.put("height", Integer.toString(photo.fallback().height()));
            img.put("alt", alt);
            img.put("loading", "lazy");
            img.put("decoding", "async");
            html.tag("img", img, true);
            html.tag("/picture");
            if (!caption.isEmpty() || !photo.credit().isBlank()) {
                html.tag("figcaption");
                if (!caption.isEmpty()) {
                    html.tag("span", Map.of("class", "caption"));
                    html.text(caption);
                    html.tag("/span");
                }
                if (!photo.credit().isBlank()) {
                    html.text(" ");
                    html.tag("span", Map.of("class", "photo-credit"));
                    html.text(photo.credit());
                    html.tag("/span");
                }
                html.tag("/figcaption");
            }
            html.tag("/figure");
        }
    }
}
