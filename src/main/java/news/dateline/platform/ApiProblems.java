package news.dateline.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer to a {@link Refusal} from any controller marked {@link ApiEndpoint}: RFC 9457
 * {@code application/problem+json} with {@code type} ({@code about:blank}), {@code title} (the status's reason
 * phrase), {@code status}, {@code detail} (the refusal's message) and, when fields are to blame, the extension
 * member {@code errors} (field to message); {@code Retry-After} when trying again will help. What Spring MVC
 * refuses before the controller runs (a body that is not JSON, a path variable that is not a number, a method
 * the endpoint does not take) is answered the same way, and so is a database too busy to take the write.
 */
@RestControllerAdvice(annotations = ApiEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    static final String NOT_JSON = "The request body is not the JSON this endpoint expects";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (refusal.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        return createResponseEntity(problem(refusal.status(), refusal.getMessage(), refusal.fields()), headers,
                refusal.status(), request);
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> failed(RuntimeException failure, WebRequest request) {
        return refused(Refusal.of(failure), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return createResponseEntity(problem(HttpStatus.BAD_REQUEST, NOT_JSON, Map.of()), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = "'" + mismatch.getValue() + "' is not a valid " + mismatch.getPropertyName();
        return createResponseEntity(problem(HttpStatus.BAD_REQUEST, detail, Map.of()), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** Whatever the Accept header says, a problem is sent as what it is. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpHeaders all = HttpHeaders.copyOf(headers);
        if (body instanceof ProblemDetail) {
            all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, all, status);
    }

    /**
     * The same document written straight to the response, for what answers before any controller does (the
     * security filters in front of the API: not signed in, not allowed, no CSRF token).
     */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "about:blank");
        json.put("title", status.getReasonPhrase());
        json.put("status", status.value());
        json.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(json));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }
}
