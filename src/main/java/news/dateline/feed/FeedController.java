package news.dateline.feed;

import news.dateline.platform.Slugs;
import news.dateline.platform.cache.CacheTags;
import news.dateline.platform.cache.CachedPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/** RSS, Atom and JSON Feed for the site and for every section, tag and author. */
@Controller
class FeedController {

    private final FeedScopes scopes;
    private final FeedBuilder feeds;
    private final RssFeedWriter rss;
    private final AtomFeedWriter atom;
    private final JsonFeedWriter json;
    private final FeedProperties settings;

    FeedController(FeedScopes scopes, FeedBuilder feeds, RssFeedWriter rss, AtomFeedWriter atom, JsonFeedWriter json,
            FeedProperties settings) {
        this.scopes = scopes;
        this.feeds = feeds;
        this.rss = rss;
        this.atom = atom;
        this.json = json;
        this.settings = settings;
    }

    @CachedPage
    @GetMapping("/feed")
    ResponseEntity<byte[]> siteRss(ServletWebRequest request) {
        return respond(scopes.site(), FeedFormat.RSS, request);
    }

    @CachedPage
    @GetMapping("/feed/atom")
    ResponseEntity<byte[]> siteAtom(ServletWebRequest request) {
        return respond(scopes.site(), FeedFormat.ATOM, request);
    }

    @CachedPage
    @GetMapping("/feed.json")
    ResponseEntity<byte[]> siteJson(ServletWebRequest request) {
        return respond(scopes.site(), FeedFormat.JSON, request);
    }

    @CachedPage
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}/feed")
    ResponseEntity<byte[]> sectionRss(@PathVariable String section, ServletWebRequest request) {
        return respond(scopes.section(section), FeedFormat.RSS, request);
    }

    @CachedPage
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}/feed/atom")
    ResponseEntity<byte[]> sectionAtom(@PathVariable String section, ServletWebRequest request) {
        return respond(scopes.section(section), FeedFormat.ATOM, request);
    }

    @CachedPage
    @GetMapping("/{section:" + Slugs.IN_ROUTE + "}/feed.json")
    ResponseEntity<byte[]> sectionJson(@PathVariable String section, ServletWebRequest request) {
        return respond(scopes.section(section), FeedFormat.JSON, request);
    }

    @CachedPage
    @GetMapping("/tag/{tag}/feed")
    ResponseEntity<byte[]> tagRss(@PathVariable String tag, ServletWebRequest request) {
        return respond(scopes.tag(tag), FeedFormat.RSS, request);
    }

    @CachedPage
    @GetMapping("/tag/{tag}/feed/atom")
    ResponseEntity<byte[]> tagAtom(@PathVariable String tag, ServletWebRequest request) {
        return respond(scopes.tag(tag), FeedFormat.ATOM, request);
    }

    @CachedPage
    @GetMapping("/tag/{tag}/feed.json")
    ResponseEntity<byte[]> tagJson(@PathVariable String tag, ServletWebRequest request) {
        return respond(scopes.tag(tag), FeedFormat.JSON, request);
    }

    @CachedPage
    @GetMapping("/author/{slug}/feed")
    ResponseEntity<byte[]> authorRss(@PathVariable String slug, ServletWebRequest request) {
        return respond(scopes.author(slug), FeedFormat.RSS, request);
    }

    @CachedPage
    @GetMapping("/author/{slug}/feed/atom")
    ResponseEntity<byte[]> authorAtom(@PathVariable String slug, ServletWebRequest request) {
        return respond(scopes.author(slug), FeedFormat.ATOM, request);
    }

    @CachedPage
    @GetMapping("/author/{slug}/feed.json")
    ResponseEntity<byte[]> authorJson(@PathVariable String slug, ServletWebRequest request) {
        return respond(scopes.author(slug), FeedFormat.JSON, request);
    }

    private ResponseEntity<byte[]> respond(FeedScope scope, FeedFormat format, ServletWebRequest request) {
        FeedVersion version = feeds.version(scope, format);
        CacheTags.add(request.getResponse(), CacheTags.FEEDS);
        if (settings.websubEnabled()) {
            // WebSub discovery (W3C WebSub §4): subscribers look for these headers first.
            request.getResponse().addHeader(HttpHeaders.LINK, "<" + settings.websubHub() + ">; rel=\"hub\"");
            request.getResponse().addHeader(HttpHeaders.LINK,
                    "<" + feeds.selfUrl(scope, format) + ">; rel=\"self\"");
        }
        return Conditional.respond(request, version, format.mediaType(), () -> {
            Feed feed = feeds.build(scope, format, version);
            return switch (format) {
                case RSS -> rss.write(feed);
                case ATOM -> atom.write(feed);
                case JSON -> json.write(feed);
            };
        });
    }
}
