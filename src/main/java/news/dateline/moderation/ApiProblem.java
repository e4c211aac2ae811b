package news.dateline.moderation;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A staff API request that cannot be done, with the status and reason the JSON answer carries. */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> fields;

    ApiProblem(HttpStatus status, String reason) {
        this(status, reason, Map.of());
    }

    ApiProblem(HttpStatus status, String reason, Map<String, String> fields) {
        super(reason);
        this.status = status;
        this.fields = fields;
    }

    HttpStatus status() {
        return status;
    }

    Map<String, String> fields() {
        return fields;
    }
}
