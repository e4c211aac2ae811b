package news.dateline.interchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import news.dateline.interchange.WxrRecords.Author;
import news.dateline.interchange.WxrRecords.Comment;
import news.dateline.interchange.WxrRecords.Item;
import news.dateline.interchange.WxrRecords.ItemTerm;
import news.dateline.interchange.WxrRecords.Taxonomy;
import news.dateline.interchange.WxrRecords.Term;

/**
 * Streams a WordPress export (WXR 1.0, 1.1, 1.2, under http:// or https:// namespaces) with StAX and hands each
 * author, term and item to a handler as soon as it is complete: memory stays flat however large the file. Only
 * one item (with its comments) is held at a time. DTDs and external entities are refused (XXE).
 */
final class WxrReader {

    interface Handler {
        void author(Author author);

        void term(Term term);

        void item(Item item);
    }

    static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[012]/");
    static final Pattern EXCERPT_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[012]/excerpt/");
    static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";
    /** What Dateline has and WXR cannot hold travels in elements of our own (docs/migrating-from-wordpress.md). */
    static final String DATELINE_NAMESPACE = "https://dateline.news/export/1.0/";

    private final XMLInputFactory factory;

    WxrReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // A post body may be many megabytes of one text node; the JDK's default limits are for entity bombs,
        // which the DTD refusal above already rules out.
        trySet("jdk.xml.totalEntitySizeLimit", 0);
        trySet("jdk.xml.maxGeneralEntitySizeLimit", 0);
    }

    private void trySet(String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException notSupported) {
            // another StAX implementation: its own defaults apply
        }
    }

    /** Reads the whole export; throws {@link WxrFormatException} naming the line and column of the first fault. */
    void read(InputStream in, Handler handler) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            nextTag(xml);
            if (!"rss".equals(xml.getLocalName())) {
                throw fault(xml, "not a WordPress export: the document is <" + xml.getLocalName() + ">, not <rss>");
            }
            boolean channel = false;
            while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
                if ("channel".equals(xml.getLocalName()) && plain(xml)) {
                    channel = true;
                    readChannel(xml, handler);
                } else {
                    skip(xml);
                }
            }
            if (!channel) {
                throw fault(xml, "not a WordPress export: <rss> has no <channel>");
            }
            // Read to the end so that anything broken after </rss> is found too.
            while (xml.hasNext()) {
                xml.next();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String reason = e.getMessage();
            // The JDK prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: ".
            int message = reason == null ? -1 : reason.indexOf("Message: ");
            reason = message >= 0 ? reason.substring(message + 9) : reason;
            throw new WxrFormatException(at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                    "not well-formed XML: " + reason);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by the caller
                }
            }
        }
    }

    private void readChannel(XMLStreamReader xml, Handler handler) throws XMLStreamException {
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (isWp(xml)) {
                switch (name) {
                    case "author" -> handler.author(author(fields(xml)));
                    case "category" -> handler.term(category(fields(xml)));
                    case "tag" -> handler.term(tag(fields(xml)));
                    case "term" -> {
                        Term term = term(fields(xml));
                        if (term != null) {
                            handler.term(term);
                        }
                    }
                    default -> skip(xml);
                }
            } else if ("item".equals(name) && plain(xml)) {
                handler.item(item(xml));
            } else {
                skip(xml);
            }
        }
    }

    private Item item(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new HashMap<>();
        List<ItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Comment> comments = new ArrayList<>();
        List<WxrRecords.Correction> corrections = new ArrayList<>();
        List<WxrRecords.OldSlug> oldSlugs = new ArrayList<>();
        WxrRecords.Live live = null;
        List<WxrRecords.LiveEntry> liveEntries = new ArrayList<>();
        List<WxrRecords.Revision> revisions = new ArrayList<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (DATELINE_NAMESPACE.equals(xml.getNamespaceURI()) && "correction".equals(name)) {
                Long at = number(xml.getAttributeValue(null, "at"));
                String note = text(xml);
                if (at != null) {
                    corrections.add(new WxrRecords.Correction(at, note));
                }
            } else if (DATELINE_NAMESPACE.equals(xml.getNamespaceURI()) && "live".equals(name)) {
                Long since = number(xml.getAttributeValue(null, "since"));
                Long ended = number(xml.getAttributeValue(null, "ended"));
                text(xml);
                if (since != null) {
                    live = new WxrRecords.Live(since, ended);
                }
            } else if (DATELINE_NAMESPACE.equals(xml.getNamespaceURI()) && "live_entry".equals(name)) {
                String by = xml.getAttributeValue(null, "by");
                Long at = number(xml.getAttributeValue(null, "at"));
                Long edited = number(xml.getAttributeValue(null, "edited"));
                Long deleted = number(xml.getAttributeValue(null, "deleted"));
                boolean key = "true".equals(xml.getAttributeValue(null, "key_event"));
                String body = text(xml);
                if (at != null && !body.isBlank()) {
                    liveEntries.add(new WxrRecords.LiveEntry(by == null || by.isBlank() ? "import" : by.strip(), at,
                            edited, deleted, key, body));
                }
            } else if (DATELINE_NAMESPACE.equals(xml.getNamespaceURI()) && "revision".equals(name)) {
                revision(xml).ifPresent(revisions::add);
            } else if (DATELINE_NAMESPACE.equals(xml.getNamespaceURI()) && "old_slug".equals(name)) {
                String section = xml.getAttributeValue(null, "section");
                Long retired = number(xml.getAttributeValue(null, "retired"));
                String slug = text(xml).strip();
                if (section != null && retired != null && !slug.isEmpty()) {
                    oldSlugs.add(new WxrRecords.OldSlug(section.strip(), slug, retired));
                }
            } else if (plain(xml) && "category".equals(name)) {
                String domain = xml.getAttributeValue(null, "domain");
                String nicename = xml.getAttributeValue(null, "nicename");
                String text = text(xml);
                Taxonomy taxonomy = "category".equals(domain) ? Taxonomy.CATEGORY
                        : "post_tag".equals(domain) || "tag".equals(domain) ? Taxonomy.TAG : null;
                if (taxonomy != null) {
                    terms.add(new ItemTerm(taxonomy, nicename == null ? "" : nicename, text));
                }
                if ("nav_menu".equals(domain) && nicename != null) {
                    meta.put(MenuImport.MENU_META, nicename); // the menu a nav_menu_item belongs to
                }
            } else if (isWp(xml) && "postmeta".equals(name)) {
                Map<String, String> m = fields(xml);
                meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else if (isWp(xml) && "comment".equals(name)) {
                comments.add(comment(xml));
            } else {
                f.put(key(xml), text(xml));
            }
        }
        if (f.containsKey("wp:menu_order")) {
            meta.put(MenuImport.ORDER_META, f.get("wp:menu_order"));
        }
        return new Item(line, f.getOrDefault("title", ""), f.getOrDefault("link", ""),
                f.getOrDefault("dc:creator", ""), f.getOrDefault("guid", ""),
                f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""),
                f.getOrDefault("wp:post_id", ""), f.getOrDefault("wp:post_date", ""),
                f.getOrDefault("wp:post_date_gmt", ""), f.getOrDefault("wp:post_name", ""),
                f.getOrDefault("wp:status", ""), f.getOrDefault("wp:post_type", "post"),
                f.getOrDefault("wp:post_parent", "0"), f.getOrDefault("wp:attachment_url", ""),
                terms, meta, comments, f.getOrDefault("wp:post_password", ""), corrections, oldSlugs,
                live, liveEntries, revisions);
    }

    /** Qualifies the element by what its namespace means, whatever prefix the file chose. */
    private static String key(XMLStreamReader xml) {
        String name = xml.getLocalName();
        String ns = xml.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            return name;
        }
        if (WP_NAMESPACE.matcher(ns).matches()) {
            return "wp:" + name;
        }
        if (EXCERPT_NAMESPACE.matcher(ns).matches()) {
            return "excerpt:" + name;
        }
        if (CONTENT_NAMESPACE.equals(ns)) {
            return "content:" + name;
        }
        if (DC_NAMESPACE.equals(ns)) {
            return "dc:" + name;
        }
        return "{" + ns + "}" + name;
    }

    private static Author author(Map<String, String> f) {
        return new Author(f.getOrDefault("author_login", ""), f.getOrDefault("author_email", ""),
                f.getOrDefault("author_display_name", ""));
    }

    private static Term category(Map<String, String> f) {
        return new Term(Taxonomy.CATEGORY, number(f.get("term_id")), f.getOrDefault("category_nicename", ""),
                f.getOrDefault("cat_name", ""), f.getOrDefault("category_parent", ""),
                f.getOrDefault("category_description", ""));
    }

    private static Term tag(Map<String, String> f) {
        return new Term(Taxonomy.TAG, number(f.get("term_id")), f.getOrDefault("tag_slug", ""),
                f.getOrDefault("tag_name", ""), "", f.getOrDefault("tag_description", ""));
    }

    /** WXR 1.2's generic term: only categories and tags mean something here (menus and formats do not). */
    private static Term term(Map<String, String> f) {
        Taxonomy taxonomy = switch (f.getOrDefault("term_taxonomy", "")) {
            case "category" -> Taxonomy.CATEGORY;
            case "post_tag" -> Taxonomy.TAG;
            default -> null;
        };
        if (taxonomy == null) {
            return null;
        }
        return new Term(taxonomy, number(f.get("term_id")), f.getOrDefault("term_slug", ""),
                f.getOrDefault("term_name", ""), f.getOrDefault("term_parent", ""),
                f.getOrDefault("term_description", ""));
    }

    /** A revision's attributes and its {@code dateline:} children; none without a time and a section. */
    private static java.util.Optional<WxrRecords.Revision> revision(XMLStreamReader xml) throws XMLStreamException {
        String by = xml.getAttributeValue(null, "by");
        Long at = number(xml.getAttributeValue(null, "at"));
        String kind = xml.getAttributeValue(null, "kind");
        String section = xml.getAttributeValue(null, "section");
        String slug = xml.getAttributeValue(null, "slug");
        String authors = xml.getAttributeValue(null, "authors");
        Map<String, String> f = new HashMap<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            boolean ours = DATELINE_NAMESPACE.equals(xml.getNamespaceURI());
            String name = xml.getLocalName();
            String value = text(xml);
            if (ours) {
                f.put(name, value);
            }
        }
        if (at == null || section == null || section.isBlank() || slug == null) {
            return java.util.Optional.empty();
        }
        String tags = f.getOrDefault("tags", "");
        return java.util.Optional.of(new WxrRecords.Revision(by == null ? "import" : by, at,
                kind == null || kind.isBlank() ? "save" : kind, section.strip(), slug.strip(),
                f.getOrDefault("headline", ""), f.getOrDefault("standfirst", ""), f.getOrDefault("body", ""),
                f.getOrDefault("place", ""), f.getOrDefault("credit", ""),
                tags.isEmpty() ? List.of() : List.of(tags.split("\n")),
                authors == null || authors.isBlank() ? List.of()
                        : java.util.Arrays.stream(authors.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                                .toList()));
    }

    /** A comment's fields and its commentmeta (our export's exact text travels there). */
    private static Comment comment(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> f = new HashMap<>();
        Map<String, String> meta = new HashMap<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            if (isWp(xml) && "commentmeta".equals(xml.getLocalName())) {
                Map<String, String> m = fields(xml);
                meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else {
                boolean wp = isWp(xml);
                String name = xml.getLocalName();
                String value = text(xml);
                if (wp) {
                    f.put(name, value);
                }
            }
        }
        return comment(f, meta);
    }

    private static Comment comment(Map<String, String> f, Map<String, String> meta) {
        return new Comment(f.getOrDefault("comment_id", ""), f.getOrDefault("comment_author", ""),
                f.getOrDefault("comment_author_email", ""), f.getOrDefault("comment_author_url", ""),
                f.getOrDefault("comment_author_IP", ""), f.getOrDefault("comment_date", ""),
                f.getOrDefault("comment_date_gmt", ""), f.getOrDefault("comment_content", ""),
                f.getOrDefault("comment_approved", "1"), f.getOrDefault("comment_type", ""),
                f.getOrDefault("comment_parent", "0"), meta);
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The WordPress-namespace children of the current element, by local name (nested ones are skipped). */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            boolean wp = isWp(xml);
            String name = xml.getLocalName();
            String value = text(xml);
            if (wp) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    /** All text inside the current element, CDATA sections joined; ends on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /**
     * The next start or end tag. Unlike {@link XMLStreamReader#nextTag()} it steps over stray text between
     * elements: real exports carry some (theme-unit-test-data has a lone apostrophe after an element).
     */
    private static int nextTag(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the document", xml.getLocation());
            }
            event = xml.next();
        }
        return event;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    private static boolean isWp(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns != null && WP_NAMESPACE.matcher(ns).matches();
    }

    private static boolean plain(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty() || XMLConstants.NULL_NS_URI.equals(ns);
    }

    private static WxrFormatException fault(XMLStreamReader xml, String reason) {
        Location at = xml.getLocation();
        return new WxrFormatException(at.getLineNumber(), at.getColumnNumber(), reason);
    }
}
