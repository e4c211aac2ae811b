package news.dateline.feed;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JSON Feed 1.1 JSON Schema from ../shared/testdata/jsonfeed-schema (ISC, see its LICENSE-NOTE.md). */
public final class JsonFeedSchema {

    static final Path FILE = Path.of("../shared/testdata/jsonfeed-schema/schema-v1.1.json");

    private JsonFeedSchema() {
    }

    public static boolean available() {
        return Files.isRegularFile(FILE);
    }

    /** The schema's complaints about a feed; empty when it is valid. */
    public static List<String> errors(String feed) throws IOException {
        Schema schema;
        try (InputStream in = Files.newInputStream(FILE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
        }
        return schema.validate(feed, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
