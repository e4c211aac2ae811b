package news.dateline.wire.provider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * One page of an HTTP feed as the poller reads it: the document to take, and the address of what comes after it.
 * The next page is named by an HTTP {@code Link: <…>; rel="next"} header (RFC 8288), or, for JSON, by an
 * envelope around the items: {@code {"items": [...], "next_page": "…"}}, or the same inside {@code data} as AP's
 * Media API feed answers ({@code data.items[].item}, {@code data.next_page}); the link field may also be called
 * {@code nextPage} or {@code next}, as a string or as {@code {"href": "…"}}. Anything else (a ninjs item or
 * array, NewsML, RSS, Atom) is taken as it came.
 */
record FeedPage(byte[] document, boolean empty, URI next) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^,;]*)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;\"]+))");
    private static final List<String> NEXT_FIELDS = List.of("next_page", "nextPage", "next");

    static FeedPage read(byte[] body, List<String> linkHeaders, URI at) {
        URI linked = nextFromHeaders(linkHeaders, at);
        String text = new String(body, StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith("{")) {
            return new FeedPage(body, false, linked);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException notJson) {
            return new FeedPage(body, false, linked); // the intake names the line and column
        }
        JsonNode envelope = envelope(root);
        if (envelope == null) {
            return new FeedPage(body, false, linked);
        }
        ArrayNode items = JSON.createArrayNode();
        for (JsonNode element : envelope.get("items")) {
            JsonNode wrapped = element.get("item");
            items.add(element.isObject() && !element.has("uri") && wrapped != null && wrapped.isObject()
                    ? wrapped : element);
        }
        URI next = linked != null ? linked : nextField(envelope, at);
        if (next == null && envelope != root) {
            next = nextField(root, at);
        }
        return new FeedPage(JSON.writeValueAsBytes(items), items.isEmpty(), next);
    }

    /** The object holding the items: the root, or its {@code data}; null when this is not an envelope. */
    private static JsonNode envelope(JsonNode root) {
        if (!root.isObject() || root.has("uri")) {
            return null;
        }
        if (root.path("items").isArray()) {
            return root;
        }
        JsonNode data = root.path("data");
        return data.isObject() && data.path("items").isArray() ? data : null;
    }

    private static URI nextField(JsonNode node, URI at) {
        for (String field : NEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isObject()) {
                value = value.get("href");
            }
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return resolve(at, value.asString().strip());
            }
        }
        return null;
    }

    private static URI nextFromHeaders(List<String> headers, URI at) {
        for (String header : headers) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String rels = (rel.group(1) != null ? rel.group(1) : rel.group(2)).toLowerCase(Locale.ROOT);
                    if (List.of(rels.trim().split("\\s+")).contains("next")) {
                        URI next = resolve(at, link.group(1).strip());
                        if (next != null) {
                            return next;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static URI resolve(URI at, String link) {
        try {
            if (link.startsWith("?")) {
                // RFC 3986 keeps the page's path for a query alone; URI.resolve (RFC 2396) would drop its last segment
                return URI.create(at.getScheme() + "://" + at.getRawAuthority() + at.getRawPath() + link);
            }
            return at.resolve(link);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
