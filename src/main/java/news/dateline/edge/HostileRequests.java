package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What makes a request unreadable, found from its headers and query string alone (never its body), and which
 * failures further in mean the same: the request, not the site, was at fault.
 */
final class HostileRequests {

    private HostileRequests() {
    }

    /** Why this request cannot be read, or null when nothing is wrong with it before its body. */
    static String problem(HttpServletRequest request) {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method))
                && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
            return "a body on a " + method;
        }
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            return "query string not percent-encoded UTF-8";
        }
        String contentType = request.getContentType();
        if (contentType != null) {
            MediaType type;
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                return "malformed Content-Type";
            }
            String charset = type.getParameter("charset");
            if (charset != null && !supported(charset)) {
                return "unknown charset in Content-Type";
            }
        }
        return null;
    }

    /** 415 for a charset nobody has, 400 for the rest. */
    static HttpStatus status(HttpServletRequest request) {
        return "unknown charset in Content-Type".equals(problem(request)) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.BAD_REQUEST;
    }

    /** The status for a failure the request caused (its parameters or body could not be read), else null. */
    static HttpStatus statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof InvalidParameterException invalid) {
                HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
                return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
            }
            if (t instanceof MultipartException || t instanceof InvalidMediaTypeException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        return null;
    }

    /** For the log: the failure's kind, without its stack trace. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "unreadable request (" + root.getClass().getSimpleName() + ")";
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** Every % followed by two hex digits, and the bytes they make valid UTF-8. */
    static boolean isPercentEncodedUtf8(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 4);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) (Character.digit(query.charAt(i + 1), 16) << 4 | Character.digit(query.charAt(i + 2), 16)));
                i += 2;
            } else if (c <= 0xff) {
                bytes.put((byte) c); // Tomcat hands the query over byte for byte, one char a byte
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
