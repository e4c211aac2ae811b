package news.dateline.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous readers from {@link PageCache}: the same bytes for everyone, plain or gzip, with a strong ETag,
 * Last-Modified and a Cache-Control a CDN may honour. It runs before Spring Security, so a hit costs a map lookup;
 * the security headers of the original render are stored with the page and replayed.
 *
 * <p>Anyone with a session (staff) or a {@code dateline_*} cookie (a commenter whose pending comment or saved name
 * is shown only to them) is rendered fresh and never stored.
 */
class PageCacheFilter extends OncePerRequestFilter {

    /** Reader pages and feeds; staff, API, search results and assets are not cached here. */
    private static final Pattern CACHEABLE = Pattern.compile(
            "/|/[a-z0-9-]+/|/[a-z0-9-]+/[a-z0-9-]+|/tag/[^/]+|/author/[^/]+|/feed(/atom)?|/feed\\.json"
                    + "|/[a-z0-9-]+/feed(/atom)?|/[a-z0-9-]+/feed\\.json|/(tag|author)/[^/]+/feed(/atom)?"
                    + "|/(tag|author)/[^/]+/feed\\.json|/sitemap\\.xml|/sitemaps/[a-z0-9-]+\\.xml"
                    + "|/news-sitemap\\.xml|/robots\\.txt");
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "vary", "cache-control", "pragma", "expires", "etag", "last-modified",
            "content-encoding");
    private static final String PRIVATE = "private, no-store";

    private final PageCache cache;
    private final CacheProperties properties;
    private final Clock clock;

    PageCacheFilter(PageCache cache, CacheProperties properties, Clock clock) {
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean readable = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String path = request.getRequestURI();
        // /actuator/* has the shape of an article address; health and metrics must never be served from memory
        if (!readable || !CACHEABLE.matcher(path).matches() || path.startsWith("/actuator/")) {
            if (path.startsWith("/newsroom") || path.startsWith("/api/")) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
            }
            chain.doFilter(request, response);
            return;
        }
        if (!isAnonymousReader(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
            chain.doFilter(request, response);
            return;
        }
        // Only ?page= changes what these pages show; other parameters (utm_*, cache busters) share one entry.
        String pageNumber = request.getParameter("page");
        String key = path + (pageNumber == null ? "" : "?page=" + pageNumber);
        CachedPage page = properties.enabled() ? cache.get(key) : null;
        boolean rendered = false;
        if (page == null) {
            page = render(request, response, chain, key);
            if (page == null) {
                return;
            }
            rendered = true;
        }
        send(page, request, response, !rendered);
    }

    private static boolean isAnonymousReader(HttpServletRequest request) {
        if (request.getRequestedSessionId() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().startsWith("dateline_")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Renders through the rest of the chain; returns the page if it may be served from the cache, else sends as is. */
    private CachedPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key)
            throws ServletException, IOException {
        long generation = cache.generation();
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        boolean storable = captured.getStatus() == HttpServletResponse.SC_OK
                && captured.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && captured.getHeader(HttpHeaders.CONTENT_ENCODING) == null
                && request.getAttribute(PageCache.DEPENDS_ON) != Boolean.FALSE;
        if (!storable) {
            if (captured.getStatus() == HttpServletResponse.SC_OK) {
                captured.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
            captured.copyBodyToResponse();
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : captured.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (String value : captured.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        if (captured.getContentType() != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("content-type"))) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, captured.getContentType()));
        }
        byte[] plain = captured.getContentAsByteArray();
        Object dependsOn = request.getAttribute(PageCache.DEPENDS_ON);
        long now = clock.millis() / 1000 * 1000;
        CachedPage page = new CachedPage(List.copyOf(headers), plain, gzip(plain), etag(plain), now,
                dependsOn instanceof String s ? s : PageCache.LISTING);
        if (properties.enabled()) {
            cache.put(key, page, generation);
        }
        // Nothing was sent yet: the wrapper buffered the body. Reset so the page is sent once, by send().
        response.resetBuffer();
        return page;
    }

    /** On a fresh render the page's own headers are already on the response; a hit replays them. */
    private void send(CachedPage page, HttpServletRequest request, HttpServletResponse response,
            boolean replayHeaders) throws IOException {
        if (replayHeaders) {
            for (Map.Entry<String, String> header : page.headers()) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl());
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        boolean gzip = acceptsGzip(request);
        byte[] body = gzip ? page.gzip() : page.plain();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean notModified(CachedPage page, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(page.etag()) || candidate.equals("W/" + page.etag())) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && page.lastModified() <= since;
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
