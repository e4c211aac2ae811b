package news.dateline.wire;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The IPTC ninjs JSON schemas, one per generation (1.x, 2.x, 3.x; the newest of each, which accepts the older
 * versions of its series), shipped in {@code src/main/resources/wire/ninjs} (MIT, IPTC). They point at GeoJSON's
 * schema by its web address; that is served from the same folder, and nothing is ever fetched from the network.
 */
final class NinjsSchemas {

    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final Map<Integer, String> FILES = Map.of(
            1, "ninjs-schema_1.6.json", 2, "ninjs-schema_2.2.json", 3, "ninjs-schema_3.1.json");

    private final Map<Integer, Schema> schemas;

    NinjsSchemas() {
        String geoJson = resource("GeoJSON-schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemas(Map.of(GEOJSON, geoJson, GEOJSON + "#", geoJson))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        this.schemas = Map.of(1, load(registry, 1), 2, load(registry, 2), 3, load(registry, 3));
    }

    /** The schema's complaints about one item of generation 1, 2 or 3; empty when it is valid. */
    List<Error> check(int generation, JsonNode item) {
        return schemas.get(generation).validate(item);
    }

    private static Schema load(SchemaRegistry registry, int generation) {
        Schema schema = registry.getSchema(resource(FILES.get(generation)));
        schema.initializeValidators();
        return schema;
    }

    private static String resource(String name) {
        try (InputStream in = NinjsSchemas.class.getResourceAsStream("/wire/ninjs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The ninjs schema " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
