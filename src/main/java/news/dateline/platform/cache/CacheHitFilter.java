package news.dateline.platform.cache;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The first filter of every request: a page-cache hit for an anonymous reader is answered here, before Spring's
 * request observation, the edge's checks, the legacy-URL redirects, Spring Session and Spring Security, with the
 * answer built when the page was stored ({@link HitAnswer}): a map lookup, a header block, one write.
 *
 * <p>It answers only what the rest of the chain would have answered with the same hit, and leaves everything else
 * to it untouched (where {@link PageCacheFilter} still answers hits, with the same bytes):
 * <ul>
 * <li>a GET or HEAD whose path is stored, with no query string or only {@code ?page=N} (a tracking parameter, or
 * {@code /?p=123} that the legacy-URL filter redirects, goes down the chain);
 * <li>that the edge admits ({@link EdgeAdmission}: an allowed host, as the trusted-proxy valve already resolved
 * it, which runs in Tomcat before any filter; nothing hostile; no upload). The key is the path alone, which no
 * forwarded header changes;
 * <li>without the session cookie (a staff member's session is checked by the chain, where Spring Session can read
 * it on either database) and without a cookie a feature recognises as personal ({@link PersonalPages}).
 * </ul>
 * A hit answered here is counted as {@link PageCacheFilter} counts one: {@code dateline_page_cache_requests_total
 * {result="hit"}} and {@code http_server_requests} under its route ({@link PageCacheMeters#hitServed}).
 */
final class CacheHitFilter implements Filter {

    private final PageCache cache;
    private final CacheProperties properties;
    private final EdgeAdmission edge;
    private final List<PersonalPages> personal;
    private final PageCacheMeters meters;
    private final String sessionCookie;

    CacheHitFilter(PageCache cache, CacheProperties properties, EdgeAdmission edge, List<PersonalPages> personal,
            PageCacheMeters meters, String sessionCookie) {
        this.cache = cache;
        this.properties = properties;
        this.edge = edge;
        this.personal = List.copyOf(personal);
        this.meters = meters;
        this.sessionCookie = sessionCookie;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        StoredPage page = properties.enabled() ? hit(request) : null;
        if (page == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        meters.hit();
        page.hit().send(page, request, response);
        meters.hitServed(page.route(), request.getMethod(), response.getStatus(), System.nanoTime() - started);
    }

    /** The stored page this request may be answered with right here, or null to let the chain answer. */
    private StoredPage hit(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String key;
        if (query == null) {
            key = path;
        } else if (query.startsWith("page=") && query.indexOf('&') < 0) {
            key = path + PageNumbers.keySuffix(request.getParameter("page"));
        } else {
            return null;
        }
        StoredPage page = PageCacheFilter.lookUp(cache, path, key);
        if (page == null || !edge.admits(request) || !anonymous(request)) {
            return null;
        }
        return page;
    }

    private boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Cookie") == null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (sessionCookie.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        for (PersonalPages feature : personal) {
            if (feature.isPersonal(request)) {
                return false;
            }
        }
        return true;
    }
}
