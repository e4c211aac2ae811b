package news.dateline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import news.dateline.platform.ApiEndpoint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's OpenAPI 3 document, written by hand beside the code ({@code src/main/resources/api/openapi.json}):
 * OpenApiDocumentTest validates it and checks that it names exactly the routes under /api/v1 (the moderation API
 * aside, documented in docs/comments.md), so a new endpoint without its entry fails the build.
 */
@RestController
@ApiEndpoint
class OpenApiController {

    private final byte[] document;
    private final JsonAnswers answers;

    OpenApiController(JsonAnswers answers) {
        this.answers = answers;
        try (InputStream in = OpenApiController.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("api/openapi.json is missing from the classpath");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<byte[]> document(HttpServletRequest request) {
        return answers.okBytes(request, document);
    }
}
