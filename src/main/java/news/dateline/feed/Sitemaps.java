package news.dateline.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.dateline.settings.SiteSettings;
import news.dateline.story.photo.FeedPhoto;
import news.dateline.story.photo.LeadPhotos;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sitemap index and the files it points at, split at {@code dateline.feed.sitemap-urls-per-file}
 * (50,000, the protocol's limit), and the Google News sitemap.
 */
@Component
class Sitemaps {

    /** Google News reads stories from the last two days only, and at most 1,000 of them. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1000;

    private final SitemapRepository repository;
    private final SitemapWriter writer;
    private final SiteUrls urls;
    private final SiteSettings siteSettings;
    private final Clock clock;
    private final int perFile;
    private final ObjectProvider<LeadPhotos> photos;

    Sitemaps(SitemapRepository repository, SitemapWriter writer, SiteUrls urls, SiteSettings siteSettings,
            FeedProperties settings, Clock clock, ObjectProvider<LeadPhotos> photos) {
        this.photos = photos;
        this.repository = repository;
        this.writer = writer;
        this.urls = urls;
        this.siteSettings = siteSettings;
        this.clock = clock;
        this.perFile = settings.sitemapUrlsPerFile();
    }

    FeedVersion version() {
        FeedVersion stories = repository.version();
        LeadPhotos library = photos.getIfAvailable();
        // Article sitemaps name the stories' lead photos: a new one is a new sitemap.
        return library == null ? stories : new FeedVersion(stories.newestChangeMillis(), stories.items(),
                stories.variant() + "-" + library.version());
    }

    String index() {
        List<SitemapWriter.IndexEntry> entries = new ArrayList<>();
        for (SitemapKind kind : SitemapKind.values()) {
            int files = files(kind);
            for (int page = 1; page <= files; page++) {
                Window window = window(kind, page);
                entries.add(new SitemapWriter.IndexEntry(urls.of("/sitemaps/" + kind.fileName(page)),
                        repository.newestIn(kind, window.limit(), window.offset())));
            }
        }
        return writer.index(entries);
    }

    boolean exists(SitemapKind kind, int page) {
        return page >= 1 && page <= files(kind);
    }

    /** File {@code page} of a kind; see {@link #exists}. */
    String file(SitemapKind kind, int page) {
        Window window = window(kind, page);
        List<SitemapUrl> rows = repository.page(kind, window.limit(), window.offset());
        List<SitemapWriter.UrlEntry> entries = new ArrayList<>();
        if (window.withHome()) {
            // The home page shows the newest story of every section.
            Instant newest = rows.stream().map(SitemapUrl::lastModified).filter(t -> t != null)
                    .max(Instant::compareTo).orElse(null);
            entries.add(new SitemapWriter.UrlEntry(urls.home(), newest, List.of()));
        }
        LeadPhotos library = photos.getIfAvailable();
        List<Long> stories = rows.stream().map(SitemapUrl::articleId).filter(id -> id != 0).toList();
        Map<Long, List<FeedPhoto>> images = library == null || stories.isEmpty() ? Map.of()
                : library.inSitemaps(stories);
        rows.forEach(row -> entries.add(new SitemapWriter.UrlEntry(urls.of(row.path()), row.lastModified(),
                images.getOrDefault(row.articleId(), List.of()).stream().map(p -> urls.of(p.url())).toList())));
        return writer.urls(entries);
    }

    String news() {
        Instant now = clock.instant();
        List<SitemapWriter.NewsEntry> stories = repository.publishedBetween(now.minus(NEWS_WINDOW), now, NEWS_LIMIT)
                .stream()
                .map(s -> new SitemapWriter.NewsEntry(urls.of(s.path()), s.headline(), s.publishedAt()))
                .toList();
        return writer.news(stories, siteSettings.current().name(), siteSettings.current().language());
    }

    private int files(SitemapKind kind) {
        long addresses = repository.count(kind) + (kind == SitemapKind.SECTIONS ? 1 : 0);
        return (int) ((addresses + perFile - 1) / perFile);
    }

    /** The sections sitemap starts with the home page, which shifts its rows by one. */
    private Window window(SitemapKind kind, int page) {
        int home = kind == SitemapKind.SECTIONS ? 1 : 0;
        if (page == 1) {
            return new Window(perFile - home, 0, home == 1);
        }
        return new Window(perFile, (page - 1) * perFile - home, false);
    }

    private record Window(int limit, int offset, boolean withHome) {
    }
}
