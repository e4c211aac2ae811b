package news.dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.SqliteSite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI 3 document at /api/v1/openapi.json is valid (swagger-parser reports nothing) and names exactly the
 * routes the application maps under /api/v1, method by method: an endpoint added without its entry, or an entry
 * left for an endpoint that is gone, fails here. The moderation API (/api/v1/comments) is documented in
 * docs/comments.md, not here. On SQLite only: the routes are the same on both databases.
 */
class OpenApiDocumentTest extends SqliteSite {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void theDocumentServedIsValidOpenApi3AndNamesEveryApiRoute() {
        Page served = site().get("/api/v1/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(site().get("/api/v1/openapi.json", "If-None-Match", served.header("ETag")).status())
                .isEqualTo(304);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's complaints").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        assertThat(documented).isEqualTo(mapped());
        assertThat(api.getPaths().get("/api/v1/admin/stories/{id}").getPatch().getResponses()).containsKeys("412",
                "428");
    }

    private Set<String> mapped() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/comments")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    routes.add(PathItem.HttpMethod.valueOf(method.name()).name() + " " + pattern);
                }
            }
        }
        return routes;
    }
}
