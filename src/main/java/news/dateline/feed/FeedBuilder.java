package news.dateline.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import news.dateline.settings.SiteSettings;
import news.dateline.story.MarkdownRenderer;
import news.dateline.story.photo.FeedPhoto;
import news.dateline.story.photo.LeadPhotos;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds a scope's feed from its newest published stories. */
@Component
class FeedBuilder {

    private static final DateTimeFormatter TAG_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final FeedRepository stories;
    private final MarkdownRenderer markdown;
    private final SiteUrls urls;
    private final SiteSettings siteSettings;
    private final FeedProperties settings;
    private final ObjectProvider<LeadPhotos> photos;

    FeedBuilder(FeedRepository stories, MarkdownRenderer markdown, SiteUrls urls, SiteSettings siteSettings,
            FeedProperties settings, ObjectProvider<LeadPhotos> photos) {
        this.photos = photos;
        this.stories = stories;
        this.markdown = markdown;
        this.urls = urls;
        this.siteSettings = siteSettings;
        this.settings = settings;
    }

    FeedVersion version(FeedScope scope, FeedFormat format) {
        LeadPhotos library = photos.getIfAvailable();
        return stories.version(scope, format.name().toLowerCase() + (settings.fullContent() ? "-full" : "-summary")
                + (library == null ? "" : "-" + library.version())); // a new lead photo is a new feed
    }

    String selfUrl(FeedScope scope, FeedFormat format) {
        return urls.of(scope.feedPath(format));
    }

    Feed build(FeedScope scope, FeedFormat format, FeedVersion version) {
        List<FeedArticle> latest = stories.latest(scope, settings.size());
        LeadPhotos library = photos.getIfAvailable();
        Map<Long, FeedPhoto> images = library == null || latest.isEmpty() ? Map.of()
                : library.inFeeds(latest.stream().map(FeedArticle::id).toList());
        List<Feed.Item> items = latest.stream().map(story -> item(story, images.get(story.id()))).toList();
        Instant updated = items.stream().map(Feed.Item::updated).max(Instant::compareTo)
                .orElse(Instant.ofEpochMilli(version.newestChangeMillis()));
        return new Feed(scope.title(), scope.description(), siteSettings.current().language(), urls.of(scope.pagePath()),
                selfUrl(scope, format), settings.websubEnabled() ? settings.websubHub() : null,
                new Feed.Person(siteSettings.current().name(), urls.home()), updated, items);
    }

    private Feed.Item item(FeedArticle story, FeedPhoto image) {
        String content = settings.fullContent() ? markdown.toHtml(story.body(), story.datelinePlace()) : null;
        return new Feed.Item(idOf(story), urls.of(story.path()), story.headline(), story.standfirst(), content,
                story.publishedAt(), story.lastChanged(),
                story.authors().stream().map(a -> new Feed.Person(a.name(), urls.of(a.path()))).toList(),
                story.section().name(), story.tags().stream().map(FeedArticle.Keyword::name).toList(),
                image == null ? null : image.at(urls.of(image.url())));
    }

    /** A tag URI (RFC 4151) from the site's host, the day of first publication and the story's id. */
    private String idOf(FeedArticle story) {
        return "tag:" + urls.host() + "," + TAG_DATE.format(story.publishedAt()) + ":article-" + story.id();
    }
}
