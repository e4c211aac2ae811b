package news.dateline.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.dateline.story.photo.PhotoArchive;
import news.dateline.story.photo.PhotoArchive.Archived;
import org.springframework.web.util.HtmlUtils;

/**
 * The photo library in a WordPress export: each picture an {@code attachment} item as WordPress writes them
 * ({@code wp:attachment_url}, {@code _wp_attached_file} under {@code YYYY/MM/}, {@code _wp_attachment_image_alt},
 * the caption as its excerpt, the first story using it as {@code wp:post_parent}) with what WordPress has no field
 * for in meta keys of ours; its original file written to the folder beside the XML at the same {@code YYYY/MM/}
 * path. Attachment ids are numbered after every post's, as WordPress's share one sequence with posts.
 */
final class LibraryExport {

    static final String LIBRARY_ID_META = "_dateline_media_id";
    static final String CREDIT_META = "_dateline_photo_credit";
    static final String PHOTO_SOURCE_META = "_dateline_photo_source";
    static final String COPYRIGHT_META = "_dateline_photo_copyright";
    /** "x,y" in thousandths from the top left. */
    static final String FOCAL_META = "_dateline_focal_point";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** A picture of the library in a body: {@code ![alt](media:42 "caption")}. */
    static final Pattern PICTURE = Pattern.compile(
            "!\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\(\\s*<?media:(\\d+)>?(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*\\)");
    static final Pattern LIBRARY_ADDRESS = Pattern.compile("(?<![\\w/.])/media/library/(\\d+)\\.jpg");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    private static final int PAGE = 200;

    private final PhotoArchive archive;
    private final String baseUrl;
    private final long idBase;
    /** Library id → its attachment; every picture's, written or not (few fields each). */
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    /** One picture's place in the export. */
    record Entry(Archived picture, long wpId, String attachedFile) {
    }

    /** {@code idBase}: the highest post id the export writes; the attachments are numbered after it. */
    LibraryExport(PhotoArchive archive, String baseUrl, long idBase) {
        this.archive = archive;
        this.baseUrl = baseUrl;
        this.idBase = idBase;
        Set<String> names = new HashSet<>();
        long after = 0;
        for (List<Archived> page = archive.after(after, PAGE); !page.isEmpty(); page = archive.after(after, PAGE)) {
            for (Archived picture : page) {
                String file = unique(MONTH.format(picture.uploadedAt()) + "/" + fileName(picture), names);
                entries.put(picture.id(), new Entry(picture, idBase + picture.id(), file));
                after = picture.id();
            }
        }
    }

    int pictures() {
        return entries.size();
    }

    /** The pictures whose original could not be read, by file name. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    /** The attachment id of a library picture, or null when it is not in the library. */
    Long attachmentId(Long mediaId) {
        Entry entry = mediaId == null ? null : entries.get(mediaId);
        return entry == null ? null : entry.wpId();
    }

    /**
     * The body as WordPress should read it: a gallery paragraph (two or more pictures, one a line) becomes
     * {@code [gallery ids="…"]}, any other library picture an image at its attachment's address (the WordPress
     * importer points those at the files it takes), with the library's alt text when the body gives none.
     */
    String forWordPress(String markdown) {
        if (markdown == null || !markdown.contains("media:") && !markdown.contains("/media/library/")) {
            return markdown;
        }
        // an imported WordPress picture's stable address here: its attachment's address there
        markdown = LIBRARY_ADDRESS.matcher(markdown).replaceAll(m -> {
            Entry entry = entries.get(Long.parseLong(m.group(1)));
            return Matcher.quoteReplacement(entry == null ? m.group() : url(entry));
        });
        StringBuilder out = new StringBuilder();
        Matcher blank = BLANK_LINE.matcher(markdown);
        int start = 0;
        while (true) {
            boolean found = blank.find();
            String paragraph = markdown.substring(start, found ? blank.start() : markdown.length());
            out.append(paragraph(paragraph));
            if (!found) {
                break;
            }
            out.append(blank.group());
            start = blank.end();
        }
        return out.toString();
    }

    private String paragraph(String paragraph) {
        List<String> lines = paragraph.strip().lines().toList();
        if (lines.size() >= 2 && lines.stream().allMatch(line -> PICTURE.matcher(line.strip()).matches())) {
            List<String> ids = new ArrayList<>();
            for (String line : lines) {
                Matcher m = PICTURE.matcher(line.strip());
                m.matches();
                Long id = attachmentId(Long.parseLong(m.group(2)));
                if (id != null) {
                    ids.add(Long.toString(id));
                }
            }
            return ids.isEmpty() ? "" : "[gallery ids=" + String.join(",", ids) + "]";
        }
        return PICTURE.matcher(paragraph).replaceAll(m -> {
            Entry entry = entries.get(Long.parseLong(m.group(2)));
            if (entry == null) {
                return Matcher.quoteReplacement(m.group(1)); // no picture: its words
            }
            String alt = m.group(1).isEmpty() ? HtmlToMarkdown.escape(entry.picture().alt(), false) : m.group(1);
            String title = m.group(3) != null ? " \"" + m.group(3) + "\""
                    : entry.picture().caption().isBlank() ? ""
                    : " \"" + entry.picture().caption().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return Matcher.quoteReplacement("![" + alt + "](<" + url(entry) + ">" + title + ")");
        });
    }

    private String url(Entry entry) {
        return baseUrl + "/wp-content/uploads/" + entry.attachedFile();
    }

    /**
     * Writes every picture as an attachment item, and its original into {@code folder} (none when null);
     * {@code parents} gives a story's id in the export.
     */
    void write(XMLStreamWriter xml, Path folder, Map<Long, Long> parents) throws XMLStreamException {
        for (Entry entry : entries.values()) {
            Archived p = entry.picture();
            if (folder != null) {
                copy(entry, folder);
            }
            Long parent = archive.usedBy(p.id()).stream().map(parents::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(0L);
            String title = p.filename().contains(".") ? p.filename().substring(0, p.filename().lastIndexOf('.'))
                    : p.filename();
            WxrExporter.start(xml, "", "item", 1);
            WxrExporter.text(xml, "", "title", HtmlUtils.htmlEscape(title, "UTF-8"), 2);
            WxrExporter.text(xml, "", "link", url(entry), 2);
            xml.writeCharacters("\n\t\t");
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(WxrExporter.clean(url(entry)));
            xml.writeEndElement();
            WxrExporter.text(xml, WxrReader.CONTENT_NAMESPACE, "encoded", "", 2);
            WxrExporter.text(xml, WxrExporter.EXCERPT, "encoded", HtmlUtils.htmlEscape(p.caption(), "UTF-8"), 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_id", Long.toString(entry.wpId()), 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_date", WP_DATE.format(p.uploadedAt()), 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_date_gmt", WP_DATE.format(p.uploadedAt()), 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_name", news.dateline.platform.Slugs.of(title), 2);
            WxrExporter.text(xml, WxrExporter.WP, "status", "inherit", 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_parent", Long.toString(parent), 2);
            WxrExporter.text(xml, WxrExporter.WP, "menu_order", "0", 2);
            WxrExporter.text(xml, WxrExporter.WP, "post_type", "attachment", 2);
            WxrExporter.text(xml, WxrExporter.WP, "attachment_url", url(entry), 2);
            WxrExporter.meta(xml, "postmeta", "_wp_attached_file", entry.attachedFile(), 2);
            WxrExporter.meta(xml, "postmeta", "_wp_attachment_image_alt", p.alt(), 2);
            WxrExporter.meta(xml, "postmeta", LIBRARY_ID_META, Long.toString(p.id()), 2);
            if (!p.credit().isBlank()) {
                WxrExporter.meta(xml, "postmeta", CREDIT_META, p.credit(), 2);
            }
            if (!p.source().isBlank()) {
                WxrExporter.meta(xml, "postmeta", PHOTO_SOURCE_META, p.source(), 2);
            }
            if (!p.copyright().isBlank()) {
                WxrExporter.meta(xml, "postmeta", COPYRIGHT_META, p.copyright(), 2);
            }
            WxrExporter.meta(xml, "postmeta", FOCAL_META, p.focalX() + "," + p.focalY(), 2);
            WxrExporter.end(xml, 1);
        }
    }

    private void copy(Entry entry, Path folder) {
        try {
            byte[] bytes = archive.original(entry.picture().id());
            Path target = folder.resolve(entry.attachedFile());
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            missing.add(entry.picture().filename() + " (" + e.getMessage() + ")");
        }
    }

    /** The library's file name made safe for a path: letters, digits, dot, dash and underscore; its type's ending. */
    private static String fileName(Archived picture) {
        String extension = switch (picture.contentType()) {
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
        String name = picture.filename().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (stem.isBlank()) {
            stem = "photo-" + picture.id();
        }
        boolean fits = ending.equals(extension) || extension.equals("jpg") && ending.equals("jpeg");
        return stem + "." + (fits ? ending : extension);
    }

    private static String unique(String path, Set<String> taken) {
        String candidate = path;
        int dot = path.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = path.substring(0, dot) + "-" + n + path.substring(dot);
        }
        return candidate;
    }
}
