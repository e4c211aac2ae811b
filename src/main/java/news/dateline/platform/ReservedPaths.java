package news.dateline.platform;

import java.util.Set;

/** First path segments the site uses for itself: a section with one of these slugs would be unreachable. */
public final class ReservedPaths {

    public static final Set<String> FIRST_SEGMENTS = Set.of("tag", "author", "search", "newsroom", "feed",
            "feed.json", "live", "api", "assets", "actuator", "sitemaps", "sitemap", "error", "login", "logout",
            "preview", "pages", "category", "media", "unsubscribe");

    private ReservedPaths() {
    }

    public static boolean isReserved(String slug) {
        return FIRST_SEGMENTS.contains(slug);
    }
}
