package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature whose cookie makes a cached page's route personal (the commenter's own pending comments): such a reader
 * is rendered fresh and never stored. Only a cookie the feature recognises counts; any other cookie is ignored and
 * the reader gets the cached page like everyone else, so a made-up cookie cannot be used to get past the cache.
 */
public interface PersonalPages {

    /** Cheap for a request without the feature's cookie; never throws for a malformed one. */
    boolean isPersonal(HttpServletRequest request);
}
