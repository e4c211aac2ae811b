package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the edge of the site (package edge) settles about every request before anything answers it: the host is one
 * the site answers to, and nothing about the request is unreadable or unwanted. {@link CacheHitFilter} answers hits
 * before the edge's own filter runs, so it asks this first; a request it does not admit goes down the whole chain,
 * where the edge refuses it as it always has. Without such a bean no hit is answered ahead of the chain.
 */
public interface EdgeAdmission {

    /** True only if the edge would let this request through untouched; cheap, and never throws. */
    boolean admits(HttpServletRequest request);
}
