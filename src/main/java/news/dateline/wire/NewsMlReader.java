package news.dateline.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * IPTC NewsML: NewsML-G2 {@code newsItem} (alone or in a {@code newsMessage}) with an XHTML or NITF body, and the
 * older NewsML 1.2 {@code NewsML} document that agencies such as Business Wire still send (the IPTC examples). XML is
 * read by {@link SafeXml}: no DTD, no entities.
 */
final class NewsMlReader {

    private static final DateTimeFormatter NEWSML_1 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssZ");

    List<WireItem> read(String xml) throws BadWireFile {
        Element root = SafeXml.parse(xml).getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        return switch (name) {
            case "newsItem" -> List.of(g2(root));
            case "newsMessage" -> {
                List<WireItem> items = new ArrayList<>();
                NodeList found = root.getElementsByTagNameNS("*", "newsItem");
                for (int i = 0; i < found.getLength(); i++) {
                    items.add(g2((Element) found.item(i)));
                }
                if (items.isEmpty()) {
                    throw new BadWireFile("the newsMessage holds no newsItem", "element newsMessage");
                }
                yield items;
            }
            case "NewsML" -> first(root);
            case "rss", "feed" -> feed(root);
            default -> throw new BadWireFile("not a NewsML-G2 newsItem or a NewsML document: the root element is <"
                    + name + ">", "element " + name);
        };
    }

    private static WireItem g2(Element item) throws BadWireFile {
        String guid = item.getAttribute("guid").strip();
        if (guid.isEmpty()) {
            throw new BadWireFile("the newsItem has no guid", "attribute newsItem/@guid");
        }
        Element meta = SafeXml.first(item, "itemMeta");
        Element content = SafeXml.first(item, "contentMeta");
        String itemClass = qcode(meta, "itemClass");
        String type = switch (itemClass.substring(itemClass.indexOf(':') + 1)) {
            case "picture", "photo" -> "picture";
            case "video" -> "video";
            case "audio" -> "audio";
            case "graphic" -> "graphic";
            case "composite" -> "composite";
            default -> "text";
        };
        String version = item.getAttribute("version");
        Element located = content == null ? null : SafeXml.first(content, "located");
        List<String> subjects = new ArrayList<>();
        if (content != null) {
            NodeList list = content.getElementsByTagNameNS("*", "subject");
            for (int i = 0; i < list.getLength(); i++) {
                String subject = SafeXml.text((Element) list.item(i), "name");
                if (!subject.isEmpty()) {
                    subjects.add(subject);
                }
            }
        }
        String by = SafeXml.text(content, "by");
        if (by.isEmpty() && content != null && SafeXml.first(content, "creator") != null) {
            by = SafeXml.text(SafeXml.first(content, "creator"), "name");
        }
        String credit = SafeXml.text(content, "creditline");
        if (credit.isEmpty()) {
            credit = SafeXml.text(SafeXml.first(item, "provider"), "name");
        }
        WirePicture picture = type.equals("picture") ? g2Picture(item, content, by) : null;
        return new WireItem("NewsML-G2", guid, type, version, WireItem.number(version),
                g2Time(SafeXml.text(meta, "versionCreated"), "itemMeta/versionCreated"),
                WireItem.PubStatus.parse(qcode(meta, "pubStatus")), urgency(SafeXml.text(content, "urgency")),
                SafeXml.text(content, "headline"), SafeXml.text(content, "slugline"),
                SafeXml.text(content, "description"), picture == null ? g2Body(item) : "", by,
                located == null ? "" : SafeXml.text(located, "name"), subjects, credit,
                g2Time(SafeXml.text(meta, "embargoed"), "itemMeta/embargoed"), picture, g2Associations(item, meta));
    }

    /**
     * A picture {@code newsItem}: each {@code contentSet/remoteContent} is a rendition ({@code href},
     * {@code rendition} qcode such as {@code rnd:highRes}, {@code width}, {@code height}, {@code contenttype});
     * {@code rightsInfo} has the copyright holder, notice and usage terms; the credit is the {@code creditline},
     * else {@code by}/{@code creator}; the caption the description (role {@code drol:caption} first).
     */
    private static WirePicture g2Picture(Element item, Element content, String by) {
        List<WirePicture.Rendition> renditions = new ArrayList<>();
        Element set = SafeXml.first(item, "contentSet");
        if (set != null) {
            NodeList remote = set.getElementsByTagNameNS("*", "remoteContent");
            for (int i = 0; i < remote.getLength(); i++) {
                Element r = (Element) remote.item(i);
                renditions.add(new WirePicture.Rendition(r.getAttribute("rendition"),
                        r.hasAttribute("href") ? r.getAttribute("href") : r.getAttribute("residref"),
                        pixels(r.getAttribute("width")), pixels(r.getAttribute("height")),
                        r.getAttribute("contenttype")));
            }
        }
        Element rights = SafeXml.first(item, "rightsInfo");
        String holder = "";
        if (rights != null && SafeXml.first(rights, "copyrightHolder") != null) {
            Element h = SafeXml.first(rights, "copyrightHolder");
            holder = SafeXml.text(h, "name");
            holder = holder.isEmpty() ? h.getAttribute("literal").strip() : holder;
            holder = holder.isEmpty() ? h.getTextContent().strip() : holder;
        }
        String caption = "";
        if (content != null) {
            NodeList descriptions = content.getElementsByTagNameNS("*", "description");
            for (int i = 0; i < descriptions.getLength(); i++) {
                Element d = (Element) descriptions.item(i);
                if (caption.isEmpty() || d.getAttribute("role").endsWith("caption")) {
                    caption = d.getTextContent().strip();
                }
            }
        }
        String creditline = SafeXml.text(content, "creditline");
        return WirePicture.described(renditions, SafeXml.text(rights, "copyrightNotice"), holder,
                SafeXml.text(rights, "usageTerms"), caption, creditline.isEmpty() ? by : creditline);
    }

    /**
     * The items this one points to as related: {@code itemMeta/link} with {@code rel} {@code irel:seeAlso} (or
     * {@code irel:associatedWith}), and the {@code itemRef}s of a package's {@code groupSet}; by {@code residref}.
     */
    private static List<String> g2Associations(Element item, Element meta) {
        List<String> guids = new ArrayList<>();
        if (meta != null) {
            NodeList links = meta.getElementsByTagNameNS("*", "link");
            for (int i = 0; i < links.getLength(); i++) {
                Element link = (Element) links.item(i);
                String rel = link.getAttribute("rel");
                if (rel.endsWith("seeAlso") || rel.endsWith("associatedWith")) {
                    guids.add(link.getAttribute("residref"));
                }
            }
        }
        Element groups = SafeXml.first(item, "groupSet");
        if (groups != null) {
            NodeList refs = groups.getElementsByTagNameNS("*", "itemRef");
            for (int i = 0; i < refs.getLength(); i++) {
                guids.add(((Element) refs.item(i)).getAttribute("residref"));
            }
        }
        return guids;
    }

    private static int pixels(String value) {
        return value != null && value.strip().matches("\\d{1,6}") ? Integer.parseInt(value.strip()) : 0;
    }

    private static String g2Body(Element item) throws BadWireFile {
        Element set = SafeXml.first(item, "contentSet");
        if (set == null) {
            return "";
        }
        String plain = "";
        for (Node node = set.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element e)) {
                continue;
            }
            String type = e.getAttribute("contenttype");
            if ("inlineXML".equals(e.getLocalName())) {
                Element inner = firstElement(e);
                if (inner == null) {
                    continue;
                }
                if (type.contains("nitf") || "nitf".equals(inner.getLocalName())) {
                    return NitfBody.toHtml(inner);
                }
                Element body = SafeXml.first(inner, "body");
                return SafeXml.innerHtml(body == null ? inner : body).strip();
            }
            if ("inlineData".equals(e.getLocalName()) && plain.isEmpty()) {
                String paragraphs = NinjsReader.paragraphs(e.getTextContent());
                plain = paragraphs == null ? "" : paragraphs;
            }
        }
        return plain;
    }

    /** NewsML 1.2: the identifier without the revision, the revision as the version, the Body component's XHTML. */
    private static List<WireItem> first(Element root) throws BadWireFile {
        Element item = SafeXml.first(root, "NewsItem");
        Element id = item == null ? null : SafeXml.first(item, "NewsIdentifier");
        if (id == null) {
            throw new BadWireFile("the NewsML document has no NewsItem/Identification/NewsIdentifier",
                    "element NewsIdentifier");
        }
        String provider = SafeXml.text(id, "ProviderId");
        String itemId = SafeXml.text(id, "NewsItemId");
        if (provider.isEmpty() || itemId.isEmpty()) {
            throw new BadWireFile("the NewsIdentifier has no ProviderId or NewsItemId", "element NewsIdentifier");
        }
        String guid = "urn:newsml:" + provider + ":" + SafeXml.text(id, "DateId") + ":" + itemId;
        String revision = SafeXml.text(id, "RevisionId");
        Element management = SafeXml.first(item, "NewsManagement");
        Element status = management == null ? null : SafeXml.first(management, "Status");
        String body = "";
        String description = "";
        NodeList components = item.getElementsByTagNameNS("*", "NewsComponent");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            Element role = directChild(component, "Role");
            String roleName = role == null ? "" : role.getAttribute("FormalName");
            Element data = SafeXml.first(component, "DataContent");
            if (data == null || directChild(component, "ContentItem") == null) {
                continue;
            }
            Element html = SafeXml.first(data, "body");
            String text = SafeXml.innerHtml(html == null ? data : html).strip();
            if (roleName.equals("Body") && body.isEmpty()) {
                body = text;
            } else if (roleName.equals("SubHeadLine") && description.isEmpty()) {
                description = org.jsoup.Jsoup.parseBodyFragment(text).text();
            }
        }
        Element sentFrom = SafeXml.first(root, "SentFrom");
        Element party = sentFrom == null ? null : SafeXml.first(sentFrom, "Party");
        String credit = party == null || party.getAttribute("FormalName").isBlank() ? provider
                : party.getAttribute("FormalName");
        return List.of(new WireItem("NewsML 1.2", guid, "text", revision, WireItem.number(revision),
                newsMl1Time(SafeXml.text(management, "ThisRevisionCreated")),
                WireItem.PubStatus.parse(status == null ? "" : status.getAttribute("FormalName")),
                urgency(management == null || SafeXml.first(management, "Urgency") == null ? ""
                        : SafeXml.first(management, "Urgency").getAttribute("FormalName")),
                SafeXml.text(item, "HeadLine"), SafeXml.text(item, "SlugLine"), description, body,
                SafeXml.text(item, "ByLine"), SafeXml.text(item, "DateLine"), List.of(), credit, null));
    }

    private static Element directChild(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String qcode(Element parent, String localName) {
        Element e = parent == null ? null : SafeXml.first(parent, localName);
        return e == null ? "" : e.getAttribute("qcode");
    }

    private static Integer urgency(String value) {
        return value != null && value.strip().matches("\\d") ? Integer.parseInt(value.strip()) : null;
    }

    private static Instant g2Time(String value, String field) throws BadWireFile {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadWireFile("not a date and time: \"" + value + "\"", "element " + field);
        }
    }

    private static Instant newsMl1Time(String value) throws BadWireFile {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, NEWSML_1).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadWireFile("not a date and time: \"" + value + "\"", "element ThisRevisionCreated");
        }
    }

    /**
     * An RSS 2.0 channel's items or an Atom feed's entries, as a simple wire (an HTTP provider's feed): guid (else
     * link) or Atom id, title, description or summary, {@code content:encoded} or Atom content as the body, the
     * publication or update time as the version time (feeds have no version numbers), author.
     */
    private static List<WireItem> feed(Element root) throws BadWireFile {
        boolean atom = "feed".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName());
        NodeList entries = root.getElementsByTagNameNS("*", atom ? "entry" : "item");
        if (entries.getLength() == 0) {
            entries = root.getElementsByTagName(atom ? "entry" : "item");
        }
        java.util.List<WireItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String id = atom ? SafeXml.text(entry, "id") : firstNonBlank(SafeXml.text(entry, "guid"),
                    SafeXml.text(entry, "link"));
            if (id.isBlank()) {
                throw new BadWireFile("a feed item has neither a guid nor a link", (atom ? "entry " : "item ")
                        + (i + 1));
            }
            String when = atom ? firstNonBlank(SafeXml.text(entry, "updated"), SafeXml.text(entry, "published"))
                    : firstNonBlank(SafeXml.text(entry, "pubDate"), SafeXml.text(entry, "date"));
            String summary = SafeXml.text(entry, atom ? "summary" : "description");
            String body = firstNonBlank(SafeXml.text(entry, atom ? "content" : "encoded"), summary);
            Element author = SafeXml.first(entry, "author");
            String by = author == null ? SafeXml.text(entry, "creator")
                    : firstNonBlank(SafeXml.text(author, "name"), author.getTextContent());
            items.add(new WireItem(atom ? "atom" : "rss", id.strip(), "text", "", null, feedTime(when),
                    WireItem.PubStatus.USABLE, null, SafeXml.text(entry, "title"), "",
                    org.jsoup.Jsoup.parse(summary).text(), body.contains("<") ? body
                            : "<p>" + org.jsoup.nodes.Entities.escape(body) + "</p>", by, "", java.util.List.of(), "",
                    null));
        }
        return items;
    }

    /** RFC 1123 (RSS) or ISO 8601 (Atom); null when neither, and the later arrival then counts as newer. */
    private static java.time.Instant feedTime(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException notIso) {
            try {
                return java.time.ZonedDateTime.parse(t, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (java.time.format.DateTimeParseException notRfc) {
                return null;
            }
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }
}
