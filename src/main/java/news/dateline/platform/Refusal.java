package news.dateline.platform;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one way to say no: something asked for does not exist, may not be done by this account, breaks a rule, or
 * cannot be done now. Nothing was changed. It carries the status, a message for a person, and (for a form) the
 * message beside each field. One mapper per surface turns it into the answer: the reader's page in the site's
 * design, the newsroom's page or JSON, the API's {@code application/problem+json}.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final transient Map<String, String> fields;
    private final Duration retryAfter;

    private Refusal(HttpStatus status, String message, Map<String, String> fields, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    /** 404: no such thing (or none this person may know of). */
    public static Refusal notFound(String message) {
        return new Refusal(HttpStatus.NOT_FOUND, message, Map.of(), null);
    }

    /** 403: this account's role does not allow it. */
    public static Refusal forbidden(String message) {
        return new Refusal(HttpStatus.FORBIDDEN, message, Map.of(), null);
    }

    /** 400: the request itself is malformed (a parameter that is not a number, say). */
    public static Refusal badRequest(String message) {
        return new Refusal(HttpStatus.BAD_REQUEST, message, Map.of(), null);
    }

    /** 409: not possible in the thing's present state (delete a section that still has stories). */
    public static Refusal conflict(String message) {
        return new Refusal(HttpStatus.CONFLICT, message, Map.of(), null);
    }

    /** 409 naming the field the conflict is about, for a form to show beside it. */
    public static Refusal conflict(String field, String message) {
        return new Refusal(HttpStatus.CONFLICT, message, Map.of(field, message), null);
    }

    /** 422: the values break a rule; each message belongs beside its field. */
    public static Refusal invalid(Map<String, String> fields) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, String.join(" ", fields.values()), fields, null);
    }

    /** 422 with one message for the whole form and the messages beside each field. */
    public static Refusal invalid(String message, Map<String, String> fields) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, message, fields, null);
    }

    /**
     * 400 for a request whose shape is wrong (a field no one asked for, a body too large), each problem beside the
     * field it names; {@code status} 400 or 413.
     */
    public static Refusal malformed(HttpStatus status, String message, Map<String, String> fields) {
        return new Refusal(status, message, fields, null);
    }

    /**
     * 412, or 428 when {@code required}: the writer's version (the API's {@code If-Match}) is not the thing's
     * current one, or was not sent; {@code fields} says what the current version is.
     */
    public static Refusal precondition(boolean required, String message, Map<String, String> fields) {
        return new Refusal(required ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.PRECONDITION_FAILED, message,
                fields, null);
    }

    /**
     * 429: this person asked for it too often; nothing was done, try again after {@code retryAfter}. The message
     * says how often is allowed; {@code fields} puts it beside a form's field.
     */
    public static Refusal tooOften(String message, Map<String, String> fields, Duration retryAfter) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, message, fields, retryAfter);
    }

    /** 503: the database could not take the write in time; nothing was stored, try again. */
    public static Refusal busy() {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, StoreBusy.MESSAGE, Map.of(), StoreBusy.RETRY_AFTER);
    }

    /**
     * 503: something this needs (a store outside the database) cannot be reached now; nothing was stored, try again
     * after {@code retryAfter}. The message says what, for a person; {@code fields} puts it beside a form's field.
     */
    public static Refusal unavailable(String message, Map<String, String> fields, Duration retryAfter) {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, message, fields, retryAfter);
    }

    /**
     * What a failed request means to the person who made it: a refusal is itself, and a database that could not
     * take the write in time ({@link StoreBusy}) is {@link #busy()}. Anything else is a bug and is rethrown as it is.
     */
    public static Refusal of(RuntimeException failure) {
        if (failure instanceof Refusal refusal) {
            return refusal;
        }
        if (StoreBusy.is(failure)) {
            return busy();
        }
        throw failure;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** How long to wait before trying again, for a {@code Retry-After} header; null when trying again won't help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
