package news.dateline.feed;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Linked data for a {@code <script type="application/ld+json">} block, serialised by Jackson. Inside a
 * script element the HTML parser ends the script at the first {@code </script>}, whatever JSON thinks, so
 * {@code <}, {@code >} and {@code &} are written as JSON's {@code \u003c}-style escapes: a headline
 * containing {@code </script>} stays a string. Only this type writes unescaped into a page, and only that.
 */
public final class JsonLd implements Content {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String script;

    private JsonLd(String script) {
        this.script = script;
    }

    static JsonLd of(JsonNode data) {
        return new JsonLd(safeInScript(JSON.writeValueAsString(data)));
    }

    static String safeInScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                // Line and paragraph separators end a line in older JavaScript parsers.
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(script);
    }

    @Override
    public String toString() {
        return script;
    }
}
