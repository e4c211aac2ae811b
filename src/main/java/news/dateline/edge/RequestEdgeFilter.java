package news.dateline.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request, before the legacy-URL redirects, the page cache and Spring Security: a
 * request for a host the site does not answer to is refused here with {@code 400}, so nothing is rendered, cached
 * or redirected for it. The health check is exempt (load balancers and orchestrators probe it by address).
 */
final class RequestEdgeFilter extends OncePerRequestFilter {

    static final String UNKNOWN_HOST = "This site does not answer to that address.";

    private final AllowedHosts hosts;
    private final Refusals refusals;

    RequestEdgeFilter(AllowedHosts hosts, Refusals refusals) {
        this.hosts = hosts;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hosts.allows(request) && !isHealthCheck(request)) {
            refusals.refuse(request, response, HttpStatus.BAD_REQUEST, UNKNOWN_HOST,
                    "host " + request.getServerName() + ":" + request.getServerPort() + " is not allowed");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isHealthCheck(HttpServletRequest request) {
        String path = request.getRequestURI();
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && ("/actuator/health".equals(path) || path.startsWith("/actuator/health/"));
    }
}
