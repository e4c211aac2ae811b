package news.dateline.taxonomy;

import java.util.Map;

/**
 * The add or rename form of the sections and tags screens: {@code id} null for a new one. Keeps what the admin
 * typed, with each field's problem.
 */
public record TaxonomyForm(Long id, String name, String slug, String description, Map<String, String> errors) {

    public static TaxonomyForm blank() {
        return new TaxonomyForm(null, "", "", "", Map.of());
    }

    public boolean isFor(long otherId) {
        return id != null && id == otherId;
    }

    public String error(String field) {
        return errors.get(field);
    }
}
