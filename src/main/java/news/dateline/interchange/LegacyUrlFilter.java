package news.dateline.interchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.platform.Slugs;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Old WordPress addresses answer 301 with the imported article's, section's or tag's address: {@code /?p=123},
 * {@code /?page_id=7}, {@code /2024/05/01/slug/} (also {@code /2024/05/slug/}), {@code /category/a/b/} and
 * {@code /tag/x/}. It runs before the page cache, which keys {@code /} without its query and would otherwise
 * answer {@code /?p=123} with the home page. Only these shapes touch the database; others pass straight on.
 * A numeric {@code p} or {@code page_id} that names no published story is the site's 404 page, as WordPress
 * answers an unknown id: never the front page under an address that search engines would keep.
 */
final class LegacyUrlFilter extends OncePerRequestFilter {

    private static final Pattern DATED = Pattern.compile("^/\\d{4}/\\d{2}(?:/\\d{2})?/([^/]+)/?$");
    private static final Pattern CATEGORY = Pattern.compile("^/category/(?:[^/]+/)*([^/]+)/?$");
    // Without the slash /tag/x is our own tag page.
    private static final Pattern TAG = Pattern.compile("^/tag/([^/]+)/$");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final LegacyUrlRepository urls;

    LegacyUrlFilter(LegacyUrlRepository urls) {
        this.urls = urls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Optional<String> target = read ? target(request) : Optional.empty();
        if (target.isEmpty() && read && asksForAnOldId(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (target.isPresent()) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", Slugs.inUrl(target.get()));
            response.setHeader("Cache-Control", "public, max-age=86400");
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<String> target(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("/".equals(path)) {
            String p = request.getParameter("p");
            if (p != null && NUMBER.matcher(p).matches()) {
                return urls.byPostId(Long.parseLong(p), "article");
            }
            String pageId = request.getParameter("page_id");
            if (pageId != null && NUMBER.matcher(pageId).matches()) {
                return urls.byPostId(Long.parseLong(pageId), "page");
            }
            return Optional.empty();
        }
        Matcher dated = DATED.matcher(path);
        if (dated.matches()) {
            return urls.byPostName(decoded(dated.group(1)));
        }
        Matcher category = CATEGORY.matcher(path);
        if (category.matches()) {
            return urls.section(decoded(category.group(1)));
        }
        Matcher tag = TAG.matcher(path);
        if (tag.matches()) {
            return urls.tag(decoded(tag.group(1)));
        }
        return Optional.empty();
    }

    private static boolean asksForAnOldId(HttpServletRequest request) {
        return "/".equals(request.getRequestURI()) && (number(request.getParameter("p"))
                || number(request.getParameter("page_id")));
    }

    private static boolean number(String value) {
        return value != null && NUMBER.matcher(value).matches();
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
