package news.dateline.comment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the comment form's {@code application/x-www-form-urlencoded} body ourselves, so that the size cap is the
 * comment feature's own ({@code dateline.comments.max-request-size}) and a body over it is answered with a page
 * that says so, rather than a container error. Nothing else reads the parameters of this request first: Spring
 * Security's CSRF filter is told to skip the path (see SecurityConfig).
 */
final class FormBody {

    private FormBody() {
    }

    /** The fields of the form (first value of each name), or empty if the body is larger than {@code maxBytes}. */
    static Optional<Map<String, String>> read(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            return Optional.empty();
        }
        return Optional.of(parse(new String(body, StandardCharsets.UTF_8)));
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /** A malformed escape ("%zz") is kept literally rather than refusing the reader's whole comment. */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded.replace('+', ' ');
        }
    }
}
