package news.dateline.interchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.interchange.WxrRecords.Author;
import news.dateline.interchange.WxrRecords.Item;
import news.dateline.interchange.WxrRecords.Term;
import news.dateline.interchange.uploads.UploadsFolder;
import news.dateline.interchange.uploads.UploadsFolder.Attachment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * WordPress galleries as our gallery Markdown (docs/media.md, "Pictures in the text": one
 * {@code ![alt](media:ID "caption")} a line). A {@code [gallery]} shortcode names attachments by id ({@code ids},
 * {@code include}, {@code exclude}) or, with none, shows the pictures uploaded to its post ({@code post_parent});
 * a block editor gallery ({@code <!-- wp:gallery -->}) holds images marked {@code wp-image-N} or {@code data-id}.
 * Attachments come after the posts in an export, so the import reads the attachments first
 * ({@link #attachmentsInto}) and takes a gallery's files when its post is read.
 *
 * <p>A gallery is replaced by a placeholder before the post's HTML becomes Markdown (which would drop a
 * {@code media:} address) and the placeholder by the gallery's lines after ({@link Placed#fill}).
 */
final class Galleries {

    /** Said once in the summary of an import without the uploads folder that met a gallery. */
    static final String SKIPPED = "galleries skipped: their pictures come in only with the uploads folder (--uploads DIR)";
    static final String NOT_IN_EXPORT = "gallery picture %d: not an attachment in this export";
    static final String RANDOM = "a gallery in random order (orderby=\"rand\") kept in the order it lists";

    private static final Pattern SHORTCODE = Pattern.compile("(?i)\\[gallery\\b([^\\]]*)\\]");
    private static final Pattern BLOCK = Pattern.compile("(?s)<!--\\s*wp:gallery\\b.*?-->(.*?)<!--\\s*/wp:gallery\\s*-->");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern IMAGE_CLASS = Pattern.compile("\\bwp-image-(\\d+)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Private-use characters: nothing in a post has them, and the Markdown conversion passes them through. */
    private static final String MARK = "\uE000";
    private static final Pattern PLACEHOLDER = Pattern.compile(MARK + "gallery(\\d+)" + MARK);

    private final UploadsFolder uploads;
    /** Attachment ids named in the summary as not in the export, so each is named once. */
    private final Set<Long> reported = new HashSet<>();

    Galleries(UploadsFolder uploads) {
        this.uploads = uploads;
    }

    /** Whether {@code content} has a gallery at all (for the summary of an import without the uploads folder). */
    static boolean present(String content) {
        return content != null && (SHORTCODE.matcher(content).find() || BLOCK.matcher(content).find());
    }

    /** The first reading of an export: its attachments, for the galleries of the posts before them. */
    static WxrReader.Handler attachmentsInto(UploadsFolder uploads) {
        return new WxrReader.Handler() {
            @Override
            public void author(Author author) {
            }

            @Override
            public void term(Term term) {
            }

            @Override
            public void item(Item item) {
                Long id = WxrFields.number(item.postId());
                if (!"attachment".equals(item.postType().strip()) || id == null) {
                    return;
                }
                Long parent = WxrFields.number(item.postParent());
                Long order = WxrFields.number(item.meta().getOrDefault(MenuImport.ORDER_META, "0"));
                uploads.know(new Attachment(id, parent == null ? 0 : parent, order == null ? 0 : order.intValue(),
                        item.title().strip(), item.postDate().strip(), item.meta().get("_wp_attached_file"),
                        item.attachmentUrl().isBlank() ? item.guid() : item.attachmentUrl(),
                        item.meta().getOrDefault("_wp_attachment_image_alt", ""),
                        oneLine(Jsoup.parse(item.excerpt() == null ? "" : item.excerpt()).text()),
                        WxrFields.number(item.meta().getOrDefault(LibraryExport.LIBRARY_ID_META, ""))));
            }
        };
    }

    /**
     * Our own export's Markdown with each library picture ({@code media:N}, N the number on the site that wrote
     * it) at this library's copy, taken from the uploads folder now; a picture not found is left out (its words
     * stay when it is inside a sentence) and named in {@code problems}.
     */
    String remap(String markdown, Consumer<String> problems) {
        if (markdown == null || !markdown.contains("media:") && !markdown.contains("/media/library/")) {
            return markdown;
        }
        // an imported WordPress picture's stable address (/media/library/N.jpg) names the library's number too
        markdown = LibraryExport.LIBRARY_ADDRESS.matcher(markdown).replaceAll(m -> {
            UploadsFolder.Result result = uploads.byLibraryId(Long.parseLong(m.group(1))).map(uploads::picture)
                    .orElse(null);
            return Matcher.quoteReplacement(result != null && result.mediaId() != null
                    ? "/media/library/" + result.mediaId() + ".jpg" : m.group());
        });
        return LibraryExport.PICTURE.matcher(markdown).replaceAll(m -> {
            long number = Long.parseLong(m.group(2));
            var attachment = uploads.byLibraryId(number);
            UploadsFolder.Result result = attachment.map(uploads::picture).orElse(null);
            if (result != null && result.mediaId() != null) {
                return Matcher.quoteReplacement(m.group().replaceFirst("media:" + number + "\\b",
                        "media:" + result.mediaId()));
            }
            if (result != null && result.problem() != null) {
                problems.accept(result.problem());
            } else if (result == null && reported.add(-number)) {
                problems.accept(NOT_IN_EXPORT.formatted(number).replace("gallery picture", "library picture"));
            }
            return Matcher.quoteReplacement(m.group(1));
        });
    }

    /** A post's content with its galleries as placeholders, and what each placeholder becomes. */
    record Placed(String html, List<String> galleries) {

        /** The Markdown with each placeholder replaced by its gallery's lines, a paragraph of their own. */
        String fill(String markdown) {
            if (galleries.isEmpty()) {
                return markdown;
            }
            String filled = PLACEHOLDER.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                    "\n\n" + galleries.get(Integer.parseInt(m.group(1))) + "\n\n"));
            return filled.replaceAll("\n{3,}", "\n\n").strip();
        }
    }

    /**
     * Replaces each gallery of {@code content} (a post's WordPress markup, {@code postId} its WordPress id) by a
     * placeholder, taking the gallery's files into the library now; {@code problems} hears each picture that could
     * not be taken, once per file or attachment id.
     */
    Placed place(String content, long postId, Consumer<String> problems, Consumer<String> notes) {
        if (content == null || content.isEmpty()) {
            return new Placed(content, List.of());
        }
        List<String> galleries = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(content);
        StringBuilder out = new StringBuilder();
        while (blocks.find()) {
            blocks.appendReplacement(out, Matcher.quoteReplacement(
                    placeholder(galleries, block(blocks.group(1), problems, notes))));
        }
        blocks.appendTail(out);
        Matcher shortcodes = SHORTCODE.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        while (shortcodes.find()) {
            shortcodes.appendReplacement(done, Matcher.quoteReplacement(
                    placeholder(galleries, shortcode(shortcodes.group(1), postId, problems, notes))));
        }
        shortcodes.appendTail(done);
        return new Placed(done.toString(), galleries);
    }

    private static String placeholder(List<String> galleries, String markdown) {
        galleries.add(markdown);
        // a paragraph of its own whether the post is classic (wpautop) or blocks
        return "\n\n<p>" + MARK + "gallery" + (galleries.size() - 1) + MARK + "</p>\n\n";
    }

    /** A picture of a gallery: the library item and what the gallery says of it. */
    private record Shown(long mediaId, String alt, String caption) {
    }

    private String shortcode(String attributeText, long postId, Consumer<String> problems, Consumer<String> notes) {
        Map<String, String> attributes = attributes(attributeText);
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        List<Attachment> chosen = new ArrayList<>();
        if (!ids.isBlank()) {
            for (long id : numbers(ids)) {
                var known = uploads.known(id);
                if (known.isPresent()) {
                    chosen.add(known.get());
                } else if (reported.add(id)) {
                    problems.accept(NOT_IN_EXPORT.formatted(id));
                }
            }
        } else {
            Long parent = attributes.containsKey("id") ? WxrFields.number(attributes.get("id")) : null;
            Set<Long> excluded = new HashSet<>(numbers(attributes.getOrDefault("exclude", "")));
            chosen.addAll(uploads.attachedTo(parent == null ? postId : parent).stream()
                    .filter(a -> !excluded.contains(a.wpId())).toList());
        }
        // WordPress's order: the ids as listed for ids=, else menu order then id, unless orderby says otherwise
        String orderBy = attributes.getOrDefault("orderby", attributes.containsKey("ids") ? "post__in" : "menu_order")
                .strip().toLowerCase(java.util.Locale.ROOT);
        Comparator<Attachment> order = switch (orderBy) {
            case "id" -> Comparator.comparingLong(Attachment::wpId);
            case "title" -> Comparator.comparing(Attachment::title, String.CASE_INSENSITIVE_ORDER);
            case "post_date", "date" -> Comparator.comparing(Attachment::date);
            case "menu_order", "menu_order id" -> Comparator.comparingInt(Attachment::menuOrder)
                    .thenComparingLong(Attachment::wpId);
            default -> null; // post__in, and rand (noted): as listed
        };
        if ("rand".equals(orderBy)) {
            notes.accept(RANDOM);
        }
        if (order != null) {
            chosen.sort(order);
        }
        if ("desc".equalsIgnoreCase(attributes.getOrDefault("order", "").strip())) {
            java.util.Collections.reverse(chosen);
        }
        List<Shown> shown = new ArrayList<>();
        for (Attachment attachment : chosen) {
            UploadsFolder.Result result = uploads.picture(attachment);
            if (result.mediaId() != null) {
                shown.add(new Shown(result.mediaId(), attachment.alt(), attachment.caption()));
            } else if (result.problem() != null) {
                problems.accept(result.problem());
            }
        }
        return lines(shown);
    }

    /** A block editor gallery: each image by its attachment id, else by its address; the gallery's caption after. */
    private String block(String html, Consumer<String> problems, Consumer<String> notes) {
        Element gallery = Jsoup.parseBodyFragment(html).body();
        List<Shown> shown = new ArrayList<>();
        for (Element img : gallery.select("img")) {
            Long id = WxrFields.number(img.attr("data-id"));
            Matcher marked = IMAGE_CLASS.matcher(img.className());
            if (id == null && marked.find()) {
                id = Long.parseLong(marked.group(1));
            }
            var attachment = id == null ? java.util.Optional.<Attachment>empty() : uploads.known(id);
            UploadsFolder.Result result = attachment.isPresent() ? uploads.picture(attachment.get())
                    : uploads.atAddress(img.attr("src"));
            if (result.mediaId() == null) {
                if (result.problem() != null) {
                    problems.accept(result.problem());
                } else if (id != null && reported.add(id)) {
                    problems.accept(NOT_IN_EXPORT.formatted(id));
                }
                continue;
            }
            Element figure = img.closest("figure");
            Element caption = figure == null ? null : figure.selectFirst("figcaption");
            String alt = img.hasAttr("alt") ? img.attr("alt") : attachment.map(Attachment::alt).orElse("");
            String text = caption != null && !caption.hasClass("blocks-gallery-caption")
                    ? caption.text() : attachment.map(Attachment::caption).orElse("");
            shown.add(new Shown(result.mediaId(), alt, text));
        }
        String markdown = lines(shown);
        Element own = gallery.selectFirst("figcaption.blocks-gallery-caption, figure.wp-block-gallery > figcaption");
        if (own != null && !own.text().isBlank()) {
            markdown = markdown + "\n\n" + HtmlToMarkdown.convert("<p>" + own.html() + "</p>", new HashSet<>());
        }
        return markdown;
    }

    /** One {@code ![alt](media:ID "caption")} a line, with no blank line between: our gallery. */
    private static String lines(List<Shown> shown) {
        StringBuilder out = new StringBuilder();
        for (Shown picture : shown) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("![").append(HtmlToMarkdown.escape(oneLine(picture.alt()), false)).append("](media:")
                    .append(picture.mediaId());
            String caption = oneLine(picture.caption());
            if (!caption.isEmpty()) {
                out.append(" \"").append(caption.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text.replace("&quot;", "\"").replace("&#8221;", "\"").replace("&#8243;", "\""));
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
        }
        return attributes;
    }

    private static List<Long> numbers(String list) {
        return Arrays.stream(list.split("[,\\s]+")).map(WxrFields::number).filter(java.util.Objects::nonNull)
                .toList();
    }
}
