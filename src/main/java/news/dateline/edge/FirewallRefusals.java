package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall refuses ({@code //evil.example}, {@code ;jsessionid=}, {@code %2e%2e}, encoded
 * slashes it sees, …) is refused before its header writer runs, so the {@code 400} used to go out without the
 * security headers every other response carries. They are set here, and the site's error page follows (JSON under
 * /api/).
 * Picked up by Spring Security as the one {@link RequestRejectedHandler} bean.
 */
@Component
class FirewallRefusals implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final Refusals refusals;

    FirewallRefusals(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Refused {} {} from {}: 400 firewall: {}", Refusals.printable(request.getMethod()),
                Refusals.printable(request.getRequestURI()), request.getRemoteAddr(),
                Refusals.printable(rejected.getMessage()));
        if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
            refusals.answer(request, response, HttpStatus.BAD_REQUEST.value(), RequestEdgeFilter.UNREADABLE);
            return;
        }
        SecurityHeaders.apply(response);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
