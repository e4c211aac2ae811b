package news.dateline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object sent to the admin API, read with the rules every write shares: at most {@link #MAX_BYTES}
 * (413 past that, unread), an object and nothing else (400), no field the endpoint does not know (400 naming each
 * one, so a typo such as {@code "headlin"} is not silently dropped), and each field of the type it should have.
 */
final class AdminBody {

    static final int MAX_BYTES = 512 * 1024;
    static final String TOO_LARGE = "The body is larger than " + MAX_BYTES / 1024 + " KB.";
    static final String NOT_AN_OBJECT = "The body must be a JSON object.";
    static final String UNKNOWN = "Not a field of this endpoint.";
    static final String NOT_TEXT = "Give text.";
    static final String NOT_LIST = "Give a list of text.";
    static final String NOT_BOOLEAN = "Give true or false.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode node;

    private AdminBody(JsonNode node) {
        this.node = node;
    }

    static AdminBody read(HttpServletRequest request, Set<String> known) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw Refusal.malformed(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, Map.of());
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw Refusal.malformed(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, Map.of());
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw Refusal.malformed(HttpStatus.BAD_REQUEST, NOT_AN_OBJECT, Map.of());
        }
        if (node == null || !node.isObject()) {
            throw Refusal.malformed(HttpStatus.BAD_REQUEST, NOT_AN_OBJECT, Map.of());
        }
        Set<String> unknown = new TreeSet<>(node.propertyNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>();
            unknown.forEach(name -> problems.put(name, UNKNOWN));
            throw Refusal.malformed(HttpStatus.BAD_REQUEST, "Unknown fields: " + String.join(", ", unknown) + ".",
                    problems);
        }
        return new AdminBody(node);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String text(String field, Map<String, String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.put(field, NOT_TEXT);
            return null;
        }
        return value.asString();
    }

    List<String> texts(String field, Map<String, String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        if (!value.isArray()) {
            problems.put(field, NOT_LIST);
            return null;
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                problems.put(field, NOT_LIST);
                return null;
            }
            texts.add(item.asString());
        }
        return texts;
    }

    boolean bool(String field, Map<String, String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.put(field, NOT_BOOLEAN);
            return false;
        }
        return value.asBoolean();
    }
}
