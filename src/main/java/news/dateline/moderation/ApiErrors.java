package news.dateline.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The moderation API answers every problem as JSON with a reason: {@code {"error": "...", "fields": {...}}}. */
@RestControllerAdvice(assignableTypes = ModerationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> problem(Refusal problem) {
        return body(problem.status(), problem.getMessage(), problem.fields());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return body(HttpStatus.BAD_REQUEST, "The request body is not the JSON this endpoint expects", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName(), Map.of());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String reason, Map<String, String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", reason);
        if (!fields.isEmpty()) {
            json.put("fields", fields);
        }
        return ResponseEntity.status(status).body(json);
    }
}
