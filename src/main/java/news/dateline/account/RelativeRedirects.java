package news.dateline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects by path and query only. After sign-in Spring Security sends the person back to the page they asked for,
 * whose saved URL it wrote with the scheme, host and port of that request; only the path and query are kept, so a
 * Location never carries a host taken from a request (nor can it point off the site).
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(target(request.getContextPath(), url)));
    }

    static String target(String contextPath, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return contextPath + "/newsroom";
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return contextPath + url;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
