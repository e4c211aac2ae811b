package news.dateline.taxonomy;

import java.util.Map;

/** A section or tag change that was not made: field ({@code name}, {@code slug}, or {@code form}) to message. */
public class TaxonomyRefused extends RuntimeException {

    private final Map<String, String> fields;

    TaxonomyRefused(Map<String, String> fields) {
        super(String.join(" ", fields.values()));
        this.fields = Map.copyOf(fields);
    }

    static TaxonomyRefused because(String field, String message) {
        return new TaxonomyRefused(Map.of(field, message));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
