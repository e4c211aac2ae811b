package news.dateline.platform.cache;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import news.dateline.platform.Slugs;

/**
 * What a cacheable answer shows, named for front caches that purge by key: {@code xkey} (Varnish's xkey module),
 * and the same list as {@code Surrogate-Key} (Fastly) and {@code Cache-Tag} (Cloudflare). Set by the handler, so
 * the page cache stores and replays them with the page. Keys: {@code article-42}, {@code section-world},
 * {@code tag-flood}, {@code author-amara-osei}, {@code home}, {@code feeds} (docs/scaling.md).
 */
public final class CacheTags {

    public static final String XKEY = "xkey";
    public static final String SURROGATE_KEY = "Surrogate-Key";
    public static final String CACHE_TAG = "Cache-Tag";
    public static final String HOME = "home";
    public static final String FEEDS = "feeds";
    /** Pages whose choice of stories an editor makes on the front page screen: home and the section pages. */
    public static final String FRONT = "front";

    private CacheTags() {
    }

    public static String article(long id) {
        return "article-" + id;
    }

    public static String section(String slug) {
        return "section-" + ascii(slug);
    }

    public static String tag(String slug) {
        return "tag-" + ascii(slug);
    }

    public static String author(String slug) {
        return "author-" + ascii(slug);
    }

    /** A Unicode slug as its UTF-8 bytes in hex ("україна" → "d183d0bad180…"): header values are ASCII. */
    private static String ascii(String slug) {
        return Slugs.inUrl(slug).replace("%", "").toLowerCase(Locale.ROOT);
    }

    /** Adds keys to the answer's tags (kept in order, each once). Keys are slugs: no spaces or commas. */
    public static void add(HttpServletResponse response, Iterable<String> keys) {
        Set<String> all = new LinkedHashSet<>();
        String existing = response.getHeader(XKEY);
        if (existing != null && !existing.isBlank()) {
            all.addAll(java.util.List.of(existing.strip().split("\\s+")));
        }
        for (String key : keys) {
            String clean = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
            if (!clean.isEmpty()) {
                all.add(clean);
            }
        }
        String spaced = String.join(" ", all);
        response.setHeader(XKEY, spaced);
        response.setHeader(SURROGATE_KEY, spaced);
        response.setHeader(CACHE_TAG, String.join(",", all));
    }

    public static void add(HttpServletResponse response, String... keys) {
        add(response, java.util.List.of(keys));
    }
}
