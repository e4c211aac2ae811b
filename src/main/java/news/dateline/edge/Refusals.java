package news.dateline.edge;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import news.dateline.platform.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Answers a request the edge will not serve, without reading its body and without running anything else: a small
 * page in the site's design ({@code edge/refused.jte}: masthead, stylesheet, the reason, a link to the front page),
 * or {@code {"error": …}} under {@code /api/}; the security headers, {@code Cache-Control: no-store}, and
 * {@code Connection: close} when a body was left unread. Each refusal is one INFO line (method, path, address,
 * status, reason), never a stack trace.
 */
@Component
public class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final int LOGGED_TEXT = 200;

    private final TemplateEngine templates;
    private final SiteProperties site;
    private final ObjectProvider<ResourceUrlProvider> resources;

    Refusals(TemplateEngine templates, SiteProperties site, ObjectProvider<ResourceUrlProvider> resources) {
        this.templates = templates;
        this.site = site;
        this.resources = resources;
    }

    /** Logs the refusal and answers it; {@code why} is for the log, {@code message} for the reader. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
            String why) throws IOException {
        log.info("Refused {} {} from {}: {} {}", printable(request.getMethod()), printable(request.getRequestURI()),
                request.getRemoteAddr(), status.value(), printable(why));
        answer(request, response, status.value(), message);
    }

    /** The answer alone, the response reset first (nothing written yet is kept). */
    public void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        String body = prepare(request, response, message);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /**
     * Sets the headers of a refusal on a response whose status is already set, and returns the body to write:
     * JSON under {@code /api/}, the small page elsewhere.
     */
    String prepare(HttpServletRequest request, HttpServletResponse response, String message) {
        SecurityHeaders.apply(response);
        response.setHeader("Cache-Control", "no-store");
        // The body stays unread: do not wait to swallow it. HTTP/2 has no Connection header (a client must reject a
        // response carrying one); there the stream is simply reset.
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && request.getProtocol().startsWith("HTTP/1")) {
            response.setHeader("Connection", "close");
        }
        response.setCharacterEncoding("UTF-8");
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith("/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }
        response.setContentType("text/html;charset=UTF-8");
        return page(response.getStatus(), message);
    }

    /** What a reader is told for a status nobody explained. */
    static String plainReason(int status) {
        return status >= 500 ? "Something went wrong on our side. Please try again in a moment."
                : status == 400 ? RequestEdgeFilter.UNREADABLE : "We couldn’t do that (error " + status + ").";
    }

    private String page(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        ResourceUrlProvider urls = resources.getIfAvailable();
        String stylesheet = urls == null ? null : urls.getForLookupPath("/assets/site.css");
        String base = site.baseUrl().strip();
        StringOutput out = new StringOutput();
        templates.render("edge/refused.jte", new RefusedPage(site.name(), site.language(),
                stylesheet != null ? stylesheet : "/assets/site.css",
                (base.endsWith("/") ? base : base + "/"), status,
                known != null ? known.getReasonPhrase() : "Error " + status, message), out);
        return out.toString();
    }

    /** Request text for the log: control characters shown as '?', and cut short. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LOGGED_TEXT + 1));
        for (int i = 0; i < text.length() && out.length() < LOGGED_TEXT; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > LOGGED_TEXT ? out + "…" : out.toString();
    }
}
