package news.dateline.platform.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Serves anonymous readers from {@link PageCache}: the same bytes for everyone, plain or gzip, with a strong ETag,
 * Last-Modified and a Cache-Control a CDN may honour. It runs before Spring Security, so a hit costs a map lookup;
 * the security headers of the original render are stored with the page and replayed ({@link HitAnswer}). Most hits
 * never get this far: {@link CacheHitFilter}, first in the chain, answers them with the same bytes; this filter
 * answers those it leaves to the chain (another query parameter, a session cookie to check), stores every page and
 * marks the rest.
 *
 * <p>It knows no routes. Only pages whose handler is a {@link CachedPage} are ever stored, so only their keys can
 * hit. On a miss the response is wrapped in a {@link PageCapture} that passes everything through untouched until
 * {@link CachedPageInterceptor}, once the handler is chosen, tells it to keep the body ({@link #handlerIsCachedPage}).
 *
 * <p>Only someone signed in (a valid session that holds a sign-in) or a reader whose cookie a feature recognises as
 * personal ({@link PersonalPages}: the commenter's own pending comments) is rendered fresh and never stored; on a
 * cached page's route they are told {@code private, no-store}, as everyone is under {@code /newsroom}, {@code /api/}
 * and {@code /actuator}. Any other cookie ({@code JSESSIONID=x}, a made-up {@code dateline_*}) is ignored: such a
 * request gets the cached page, so it cannot be used to get past the cache. A hit is sent with {@code X-Cache: hit}.
 *
 * <p>{@code ?page=} is part of the key only as the number a listing reads ({@link PageNumbers}), and only for a
 * handler declared {@link CachedPage#paginated}; a listing answers 404 past its last page, which is never stored.
 */
class PageCacheFilter extends OncePerRequestFilter {

    /** Staff screens, the moderation API, the operator's endpoints: nobody's cache keeps a copy. */
    private static final List<String> PRIVATE_PREFIXES = List.of("/newsroom", "/api/", "/actuator");
    private static final String CAPTURE = PageCapture.class.getName();
    private static final String PERSONAL = PageCacheFilter.class.getName() + ".personal";
    private static final String PAGINATED = PageCacheFilter.class.getName() + ".paginated";
    /** Where Spring Security's session keeps a sign-in (HttpSessionSecurityContextRepository's default). */
    private static final String SIGN_IN = "SPRING_SECURITY_CONTEXT";
    static final String X_CACHE = "X-Cache";
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "vary", "cache-control", "pragma", "expires", "etag", "last-modified",
            "content-encoding");
    private static final String PRIVATE = "private, no-store";
    /** A page rendered while a change landed on this node: a shared cache may hand it out stale for a second. */
    static final String RACED_CACHE_CONTROL = "public, max-age=0, s-maxage=0, stale-while-revalidate=1";

    private final PageCache cache;
    private final CacheProperties properties;
    private final Clock clock;
    private final List<PersonalPages> personal;
    private final PageCacheMeters meters;

    PageCacheFilter(PageCache cache, CacheProperties properties, Clock clock, List<PersonalPages> personal,
            PageCacheMeters meters) {
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
        this.personal = List.copyOf(personal);
        this.meters = meters;
    }

    /**
     * The handler chosen for this request is a {@link CachedPage}, and has written nothing yet: an anonymous
     * reader's page is kept from here on; anyone else's is marked private.
     */
    static void handlerIsCachedPage(HttpServletRequest request, HttpServletResponse response, boolean paginated) {
        if (request.getAttribute(CAPTURE) instanceof PageCapture capture) {
            capture.start();
            if (paginated) {
                request.setAttribute(PAGINATED, Boolean.TRUE);
            }
        } else if (request.getAttribute(PERSONAL) != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (PRIVATE_PREFIXES.stream().anyMatch(path::startsWith)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!isAnonymousReader(request)) {
            request.setAttribute(PERSONAL, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        // Only ?page= changes what these pages show; other parameters (utm_*, cache busters) share one entry.
        String key = path + PageNumbers.keySuffix(request.getParameter("page"));
        StoredPage page = properties.enabled() ? lookUp(path, key) : null;
        if (page != null) {
            meters.hit();
            // No handler runs on a hit, so nothing tells the request observation its route: without this, every
            // hit would be counted in http_server_requests as uri="UNKNOWN".
            String route = page.route();
            if (route != null) {
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(observation -> observation.setPathPattern(route));
            }
            page.hit().send(page, request, response);
            return;
        }
        page = render(request, response, chain, path, key);
        if (page != null) {
            send(page, request, response);
        }
    }

    /** The page for this key, or, when the path's page does not read ?page=, the one entry for every number. */
    private StoredPage lookUp(String path, String key) {
        return lookUp(cache, path, key);
    }

    static StoredPage lookUp(PageCache cache, String path, String key) {
        StoredPage page = cache.get(key);
        if (page == null && !key.equals(path)) {
            StoredPage whole = cache.get(path);
            return whole != null && !whole.paginated() ? whole : null;
        }
        return page;
    }

    private boolean isAnonymousReader(HttpServletRequest request) {
        if (isSignedIn(request)) {
            return false;
        }
        for (PersonalPages feature : personal) {
            if (feature.isPersonal(request)) {
                return false;
            }
        }
        return true;
    }

    /** A session id that names a live session holding a sign-in; a made-up or expired one is nobody. */
    private static boolean isSignedIn(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid()) {
            return false;
        }
        HttpSession session = request.getSession(false);
        try {
            return session != null && session.getAttribute(SIGN_IN) != null;
        } catch (IllegalStateException invalidatedMeanwhile) {
            return false;
        }
    }

    /**
     * Runs the rest of the chain. Returns the page if its handler was a {@link CachedPage} and its answer may be
     * stored; anything else has been sent (or is still streaming) as the handler wrote it.
     */
    private StoredPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String path, String key) throws ServletException, IOException {
        long generation = cache.generation();
        long withdrawals = cache.withdrawals();
        long started = System.nanoTime();
        PageCapture captured = new PageCapture(response);
        request.setAttribute(CAPTURE, captured);
        try {
            chain.doFilter(request, captured);
        } finally {
            request.removeAttribute(CAPTURE);
        }
        if (!captured.capturing()) {
            return null;
        }
        if (properties.enabled() && request.getAttribute(CachedPageInterceptor.PAGE_TYPE) instanceof String type) {
            meters.miss(type, System.nanoTime() - started);
        }
        if (request.isAsyncStarted()) {
            // A cached page is rendered in one go; one that goes on later is sent as it comes, never stored.
            captured.release();
            return null;
        }
        boolean keepable = captured.getStatus() == HttpServletResponse.SC_OK
                && captured.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && captured.getHeader(HttpHeaders.CONTENT_ENCODING) == null
                && !PageCache.refused(request);
        // Rendered from rows a change has since replaced: not stored here (the page may show the state just
        // before the change), and not stored by a front cache as fresh either, which would keep it after the purge
        // that change sent (frontcache.FrontCachePurger).
        boolean raced = cache.generation() != generation;
        boolean storable = keepable && !raced;
        if (!storable) {
            if (captured.getStatus() == HttpServletResponse.SC_OK && !saysNoStore(captured)) {
                // Shared, but stale at once: a front cache gives it to the readers waiting for it and, for a second
                // at most, to the next ones while it fetches the page again (docs/scaling.md, "Front caches"). Not
                // after a withdrawal raced the render: the story must not be shown again, not even for a second.
                boolean shareStale = keepable && raced && cache.withdrawals() == withdrawals;
                captured.setHeader(HttpHeaders.CACHE_CONTROL, shareStale ? RACED_CACHE_CONTROL : "no-cache");
            }
            int length = captured.body().length;
            if (length > 0) {
                response.setContentLength(length);
            }
            captured.release();
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
        byte[] plain = captured.body();
        long now = clock.millis() / 1000 * 1000;
        boolean paginated = request.getAttribute(PAGINATED) != null;
        String route = ServerHttpObservationFilter.findObservationContext(request)
                .map(ServerRequestObservationContext::getPathPattern).orElse(null);
        // The gzip form is made once per stored page, for its gzip hits, at zlib's default level; a page that is
        // not kept (the cache off) is compressed only for the reader who asked for gzip, at the fastest level, as
        // nginx compresses what it proxies: 0.3 ms of a core for the lead article instead of 0.56, 10 % more bytes.
        byte[] gzip = properties.enabled() ? gzip(plain, Deflater.DEFAULT_COMPRESSION)
                : HitAnswer.acceptsGzip(request) ? gzip(plain, Deflater.BEST_SPEED) : null;
        StoredPage page = new StoredPage(List.copyOf(headers), plain, gzip, etag(plain), now,
                PageCache.dependsOn(request), paginated, route, properties.cacheControl());
        if (properties.enabled()) {
            cache.put(paginated ? key : path, page, generation);
        }
        // Nothing was sent yet: the capture kept the body, and send() sends the page once.
        return page;
    }

    private static boolean saysNoStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store");
    }

    /** A fresh render: the page's own headers are already on the response; its validators and body follow. */
    private void send(StoredPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl());
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (HitAnswer.notModified(page.etag(), page.lastModified(), request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        boolean gzip = HitAnswer.acceptsGzip(request);
        byte[] body = gzip ? page.gzip() : page.plain();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new LeveledGzip(out, level)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@link GZIPOutputStream} at a chosen level (it has no constructor for one). */
    private static final class LeveledGzip extends GZIPOutputStream {

        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }
}
