package news.dateline.edge;

import jakarta.servlet.http.HttpServletRequest;
import news.dateline.platform.BaseUrlCheck;
import news.dateline.platform.cache.EdgeAdmission;
import org.springframework.stereotype.Component;

/**
 * The page cache answers hits ahead of {@link RequestEdgeFilter}; this is that filter's judgement without the
 * refusal: the host is allowed, nothing is hostile and no upload comes with the request. What it does not admit goes
 * down the chain and is refused there, exactly as before. The base-URL check hears of the request either way.
 */
@Component
final class EdgeAdmitsHits implements EdgeAdmission {

    private final AllowedHosts hosts;
    private final BaseUrlCheck baseUrl;

    EdgeAdmitsHits(AllowedHosts hosts, BaseUrlCheck baseUrl) {
        this.hosts = hosts;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean admits(HttpServletRequest request) {
        if (!hosts.allows(request)) {
            return false;
        }
        baseUrl.arrived(request);
        return HostileRequests.problem(request) == null && !Uploads.isMultipart(request);
    }
}
