package news.dateline.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IPTC ninjs, all three generations: 1.x ({@code headline}, {@code body_xhtml}, {@code versioncreated}), 2.x
 * (arrays: {@code headlines}, {@code bodies}, {@code descriptions}, {@code subjects}) and 3.x (the same in camelCase:
 * {@code versionCreated}, {@code pubStatus}). The generation is the one {@code $standard}/{@code standard} names,
 * else the one its property names show. Each item is checked against its generation's IPTC schema before anything
 * is read from it. A JSON array is a collection: every element is an item, and one bad element rejects the file.
 */
final class NinjsReader {

    /** Property names only ninjs 3 has (camelCase), and only 2 and 3 have (plural arrays). */
    private static final Set<String> THIRD = Set.of("versionCreated", "pubStatus", "firstCreated", "contentCreated",
            "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "altIds", "representationType",
            "eventDetails", "rightsInfo", "mimeType", "infoSources", "standard", "planningDetails");
    private static final Set<String> SECOND = Set.of("headlines", "bodies", "descriptions", "subjects", "by",
            "people", "places", "organisations", "rightsinfo", "infosources", "genres", "events", "objects");

    private final JsonMapper json = JsonMapper.builder().build();
    private final NinjsSchemas schemas;

    NinjsReader(NinjsSchemas schemas) {
        this.schemas = schemas;
    }

    List<WireItem> read(String text) throws BadWireFile {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadWireFile("not valid JSON (" + e.getOriginalMessage() + ")", where);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadWireFile("the file is empty");
        }
        List<WireItem> items = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                items.add(item(root.get(i), "/" + i));
            }
        } else {
            items.add(item(root, ""));
        }
        if (items.isEmpty()) {
            throw new BadWireFile("the collection holds no items");
        }
        return items;
    }

    private WireItem item(JsonNode node, String at) throws BadWireFile {
        if (!node.isObject()) {
            throw new BadWireFile("a ninjs item is a JSON object", "field " + (at.isEmpty() ? "/" : at));
        }
        int generation = generation(node);
        var errors = schemas.check(generation, node);
        if (!errors.isEmpty()) {
            var first = errors.getFirst();
            String field = at + pointer(first.getInstanceLocation().toString());
            throw new BadWireFile("not valid ninjs " + generation + ".x: " + first.getMessage()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    "field " + (field.isEmpty() ? "/" : field));
        }
        String uri = str(node, "uri");
        if (uri == null || uri.isBlank()) {
            throw new BadWireFile("the item has no uri", "field " + at + "/uri");
        }
        return generation == 1 ? first(node, uri) : later(node, uri, generation, at);
    }

    private static WireItem first(JsonNode n, String uri) throws BadWireFile {
        String body = or(str(n, "body_xhtml"), str(n, "body_html"), paragraphs(str(n, "body_text")));
        String description = or(plain(str(n, "description_text")), plain(str(n, "description_xhtml")));
        List<String> subjects = new ArrayList<>();
        for (JsonNode s : n.path("subject")) {
            add(subjects, str(s, "name"));
        }
        String version = str(n, "version");
        WirePicture picture = "picture".equals(str(n, "type")) ? WirePicture.described(renditions(n, false),
                str(n, "copyrightnotice"), str(n, "copyrightholder"), str(n, "usageterms"), description,
                str(n, "byline")) : null;
        return new WireItem("ninjs 1", uri, str(n, "type"), version, WireItem.number(version),
                time(n, "versioncreated", ""), WireItem.PubStatus.parse(str(n, "pubstatus")), urgency(n),
                str(n, "headline"), str(n, "slugline"), description, body, str(n, "byline"), located(n.path("located")),
                subjects, or(str(n, "copyrightholder"), ""), time(n, "embargoed", ""), picture,
                associations(n.path("associations")));
    }

    private static WireItem later(JsonNode n, String uri, int generation, String at) throws BadWireFile {
        boolean camel = generation >= 3;
        String headline = role(n.path("headlines"), "main");
        if (headline == null && camel) {
            headline = str(n, "title");
        }
        String description = plain(role(n.path("descriptions"), "summary"));
        String body = null;
        for (JsonNode b : n.path("bodies")) {
            String type = or(str(b, camel ? "contentType" : "contenttype"), "");
            String value = str(b, "value");
            if (value == null || value.isBlank()) {
                continue;
            }
            if (type.contains("html")) {
                body = value;
                break;
            }
            if (type.contains("nitf")) {
                body = NitfBody.toHtml(value);
                break;
            }
            if (body == null) {
                body = paragraphs(value);
            }
        }
        List<String> subjects = new ArrayList<>();
        for (JsonNode s : n.path("subjects")) {
            add(subjects, str(s, "name"));
        }
        String version = str(n, "version");
        String credit = or(str(n, camel ? "copyrightHolder" : "copyrightholder"), "");
        String type = str(n, "type");
        if (type == null && n.has("eventDetails")) {
            type = "event";
        } else if (type == null && n.has("planningDetails")) {
            type = "planning";
        }
        WirePicture picture = null;
        if ("picture".equals(type)) {
            // A picture's caption: role "caption" (AP; its "creditline" role is the credit), "text" (SIPA), else the
            // description as text items have it.
            String caption = or(plain(exactRole(n.path("descriptions"), "caption")),
                    plain(exactRole(n.path("descriptions"), "text")), description);
            picture = WirePicture.described(renditions(n, camel),
                    str(n, camel ? "copyrightNotice" : "copyrightnotice"), credit,
                    str(n, camel ? "usageTerms" : "usageterms"), caption,
                    or(str(n, "by"), exactRole(n.path("descriptions"), "creditline")));
        }
        return new WireItem("ninjs " + generation, uri, type, version, WireItem.number(version),
                time(n, camel ? "versionCreated" : "versioncreated", at),
                WireItem.PubStatus.parse(str(n, camel ? "pubStatus" : "pubstatus")), urgency(n), headline,
                str(n, "slugline"), description, body, str(n, "by"), located(n.path("located")), subjects, credit,
                time(n, "embargoed", at), picture, associations(n.path("associations")));
    }

    private static int generation(JsonNode node) {
        JsonNode standard = node.has("$standard") ? node.get("$standard") : node.get("standard");
        if (standard != null && standard.isObject()) {
            String version = or(str(standard, "version"), "");
            if (version.startsWith("1")) {
                return 1;
            }
            if (version.startsWith("2")) {
                return 2;
            }
            if (version.startsWith("3")) {
                return 3;
            }
        }
        Set<String> names = new java.util.HashSet<>(node.propertyNames());
        if (names.stream().anyMatch(THIRD::contains)) {
            return 3;
        }
        if (names.stream().anyMatch(SECOND::contains)) {
            return 2;
        }
        return 1;
    }

    /**
     * Renditions: ninjs 1.x a map from name to rendition ({@code mimetype}), 2.x and 3.x an array of renditions with a
     * {@code name} ({@code contenttype}, 3.x {@code contentType}); either form is read in any generation.
     */
    private static List<WirePicture.Rendition> renditions(JsonNode n, boolean camel) {
        List<WirePicture.Rendition> renditions = new ArrayList<>();
        JsonNode all = n.path("renditions");
        if (all.isObject()) {
            for (String name : all.propertyNames()) {
                renditions.add(rendition(name, all.get(name), camel));
            }
        } else {
            for (JsonNode r : all) {
                renditions.add(rendition(str(r, "name"), r, camel));
            }
        }
        return renditions;
    }

    private static WirePicture.Rendition rendition(String name, JsonNode r, boolean camel) {
        String type = or(str(r, camel ? "contentType" : "contenttype"), str(r, "contenttype"), str(r, "contentType"),
                str(r, "mimetype"), str(r, "mimeType"));
        // "image/jpg" is what several providers write for JPEG.
        return new WirePicture.Rendition(name, str(r, "href"), r.path("width").asInt(0), r.path("height").asInt(0),
                type);
    }

    /** The uris of associated items: 1.x a map from name to item, 2.x and 3.x an array (or a map) of items. */
    private static List<String> associations(JsonNode all) {
        List<String> uris = new ArrayList<>();
        if (all.isObject()) {
            for (String name : all.propertyNames()) {
                add(uris, str(all.get(name), "uri"));
            }
        } else {
            for (JsonNode a : all) {
                add(uris, str(a, "uri"));
            }
        }
        return uris;
    }

    /** The value of the entry with exactly this role; null when none has it. */
    private static String exactRole(JsonNode array, String role) {
        for (JsonNode entry : array) {
            if (role.equals(str(entry, "role")) && str(entry, "value") != null) {
                return str(entry, "value");
            }
        }
        return null;
    }

    /** The value of the entry with this role in an array of {role, value}, else the first entry's. */
    private static String role(JsonNode array, String role) {
        String first = null;
        for (JsonNode entry : array) {
            String value = str(entry, "value");
            if (value == null || value.isBlank()) {
                continue;
            }
            if (role.equals(str(entry, "role"))) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }

    /** 1.x: a string; 2.x/3.x: a string too (the place is in {@code places}); an object with a name in practice. */
    private static String located(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isObject() ? or(str(node, "name"), "") : "";
    }

    private static Integer urgency(JsonNode node) {
        JsonNode u = node.path("urgency");
        if (u.isIntegralNumber()) {
            return u.intValue();
        }
        if (u.isString() && u.stringValue().strip().matches("\\d")) {
            return Integer.parseInt(u.stringValue().strip());
        }
        return null;
    }

    private static Instant time(JsonNode node, String name, String at) throws BadWireFile {
        String value = str(node, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadWireFile("not a date and time: \"" + value + "\"", "field " + at + "/" + name);
        }
    }

    private static String str(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }

    private static void add(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    private static String plain(String maybeHtml) {
        return maybeHtml == null ? null : org.jsoup.Jsoup.parseBodyFragment(maybeHtml).text();
    }

    /** Plain text to paragraphs: a blank line (or a single line break) separates them. */
    static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*")) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    private static String or(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** "$.headlines[0].value" (the validator's path) as a JSON pointer, "/headlines/0/value". */
    static String pointer(String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        return p.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\['([^']*)']", ".$1").replace('.', '/');
    }
}
