package news.dateline.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.dateline.platform.BaseUrlCheck;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request, before the legacy-URL redirects, the page cache and Spring Security:
 * <ul>
 * <li>a request for a host the site does not answer to is refused with {@code 400}, so nothing is rendered, cached
 * or redirected for it (the health check is exempt: load balancers and orchestrators probe it by address);
 * <li>a query string that is not valid percent-encoded UTF-8, a {@code Content-Type} that cannot be parsed (or
 * names a charset nobody has), and a GET or HEAD with a body are refused with {@code 400} / {@code 415};
 * <li>a multipart body is refused unread wherever no upload is taken ({@code 415}, {@link Uploads}), and where one
 * is, without a boundary ({@code 400}), without a length ({@code 411}) or over the configured maximum
 * ({@code 413});
 * <li>and should a request still turn out unreadable further in (a form body with a broken escape, a multipart
 * body that is not one), the error is answered {@code 400} here rather than escaping as a 500 with a stack trace.
 * </ul>
 * Every refusal is the small page in the site's design (JSON under /api/) with the security headers, logged once
 * at INFO ({@link Refusals}).
 */
final class RequestEdgeFilter extends OncePerRequestFilter {

    static final String UNKNOWN_HOST = "This site does not answer to that address.";
    static final String NO_UPLOADS = "This address does not take file uploads.";
    static final String BAD_UPLOAD = "That upload could not be read: send it again from the form.";
    static final String UPLOAD_TOO_LARGE = "That file is too large to upload here (at most %s).";
    static final String UNREADABLE = "That request could not be read. If you followed a link, it may be broken.";

    private final AllowedHosts hosts;
    private final Refusals refusals;
    private final DataSize maxUpload;
    private final BaseUrlCheck baseUrl;

    RequestEdgeFilter(AllowedHosts hosts, Refusals refusals, DataSize maxUpload, BaseUrlCheck baseUrl) {
        this.hosts = hosts;
        this.refusals = refusals;
        this.maxUpload = maxUpload;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hosts.allows(request) && !isHealthCheck(request)) {
            refusals.refuse(request, response, HttpStatus.BAD_REQUEST, UNKNOWN_HOST,
                    "host " + request.getServerName() + ":" + request.getServerPort() + " is not allowed");
            return;
        }
        baseUrl.arrived(request);
        String unreadable = HostileRequests.problem(request);
        if (unreadable != null) {
            refusals.refuse(request, response, HostileRequests.status(request), UNREADABLE, unreadable);
            return;
        }
        if (Uploads.isMultipart(request) && !acceptableUpload(request, response)) {
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            HttpStatus status = HostileRequests.statusOf(failure);
            if (status == null || response.isCommitted()) {
                throw failure;
            }
            refusals.refuse(request, response, status, UNREADABLE, HostileRequests.describe(failure));
        }
    }

    /** Refuses, unread, any multipart body that no one may send here or that cannot be one we read. */
    private boolean acceptableUpload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Uploads.acceptedAt(request)) {
            refusals.refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, NO_UPLOADS, "multipart body");
            return false;
        }
        String boundary;
        try {
            boundary = MediaType.parseMediaType(request.getContentType()).getParameter("boundary");
        } catch (InvalidMediaTypeException e) {
            boundary = null;
        }
        if (boundary == null || boundary.isBlank()) {
            refusals.refuse(request, response, HttpStatus.BAD_REQUEST, BAD_UPLOAD, "multipart without a boundary");
            return false;
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            refusals.refuse(request, response, HttpStatus.LENGTH_REQUIRED, BAD_UPLOAD, "multipart without a length");
            return false;
        }
        if (length > maxUpload.toBytes()) {
            refusals.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    UPLOAD_TOO_LARGE.formatted(maxUpload.toMegabytes() + " MB"), "upload of " + length + " bytes");
            return false;
        }
        return true;
    }

    private static boolean isHealthCheck(HttpServletRequest request) {
        String path = request.getRequestURI();
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && ("/actuator/health".equals(path) || path.startsWith("/actuator/health/"));
    }
}
