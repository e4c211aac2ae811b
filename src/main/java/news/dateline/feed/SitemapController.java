package news.dateline.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.platform.Refusal;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/** What search engines read: the sitemap index and its files, the Google News sitemap, robots.txt. */
@Controller
class SitemapController {

    private static final String XML = "application/xml";
    private static final Pattern FILE = Pattern.compile("([a-z]+)-([0-9]{1,6})");

    private final Sitemaps sitemaps;
    private final SiteUrls urls;

    SitemapController(Sitemaps sitemaps, SiteUrls urls) {
        this.sitemaps = sitemaps;
        this.urls = urls;
    }

    @CachedPage
    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index(ServletWebRequest request) {
        CacheTags.add(request.getResponse(), CacheTags.FEEDS);
        return Conditional.respond(request, sitemaps.version(), XML, sitemaps::index);
    }

    @CachedPage
    @GetMapping("/sitemaps/{file}.xml")
    ResponseEntity<byte[]> file(@PathVariable String file, ServletWebRequest request) {
        Matcher name = FILE.matcher(file);
        if (!name.matches()) {
            throw Refusal.notFound("Sitemap " + file);
        }
        SitemapKind kind = SitemapKind.fromName(name.group(1))
                .orElseThrow(() -> Refusal.notFound("Sitemap " + file));
        int page = Integer.parseInt(name.group(2));
        if (!sitemaps.exists(kind, page)) {
            throw Refusal.notFound("Sitemap " + file);
        }
        CacheTags.add(request.getResponse(), CacheTags.FEEDS);
        return Conditional.respond(request, sitemaps.version(), XML, () -> sitemaps.file(kind, page));
    }

    /** Its content moves with the clock (stories leave after 48 hours), so its ETag is its content's. */
    @CachedPage
    @GetMapping("/news-sitemap.xml")
    ResponseEntity<byte[]> news(ServletWebRequest request) {
        CacheTags.add(request.getResponse(), CacheTags.FEEDS);
        return Conditional.respondByContent(request, XML, sitemaps.news());
    }

    @CachedPage
    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /newsroom/
                Disallow: /api/

                Sitemap: %s
                Sitemap: %s
                """.formatted(urls.of("/sitemap.xml"), urls.of("/news-sitemap.xml"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(body);
    }
}
