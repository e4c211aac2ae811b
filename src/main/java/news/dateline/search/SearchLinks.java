package news.dateline.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Links to other pages of the same search: the reader's words and filters, percent-encoded, kept. */
final class SearchLinks {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    SearchLinks(String query, String section, String from, String to, boolean newest) {
        put("q", query);
        put("section", section);
        put("from", from);
        put("to", to);
        put("sort", newest ? "newest" : null);
    }

    private void put(String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value);
        }
    }

    String page(int page) {
        return link(parameters, page);
    }

    String sortedBy(boolean newest) {
        Map<String, String> sorted = new LinkedHashMap<>(parameters);
        sorted.remove("sort");
        if (newest) {
            sorted.put("sort", "newest");
        }
        return link(sorted, 1);
    }

    String withQuery(String query) {
        Map<String, String> respelled = new LinkedHashMap<>(parameters);
        respelled.put("q", query);
        return link(respelled, 1);
    }

    private static String link(Map<String, String> parameters, int page) {
        StringBuilder link = new StringBuilder("/search");
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            link.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (page > 1) {
            link.append(separator).append("page=").append(page);
        }
        return link.toString();
    }
}
