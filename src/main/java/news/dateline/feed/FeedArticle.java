package news.dateline.feed;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.Slugs;
import news.dateline.taxonomy.Section;

/** A published story as feeds and sitemaps need it. */
record FeedArticle(
        long id,
        Section section,
        String slug,
        String headline,
        String standfirst,
        String body,
        String datelinePlace,
        Instant publishedAt,
        Instant updatedAt,
        List<Byline> authors,
        List<Keyword> tags) {

    record Byline(String slug, String name) {

        String path() {
            return Slugs.inUrl("/author/" + slug);
        }
    }

    record Keyword(String slug, String name) {
    }

    String path() {
        return Slugs.inUrl("/" + section.slug() + "/" + slug);
    }

    /** What readers are told: the public update time if there was one. */
    Instant lastChanged() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }

    FeedArticle with(List<Byline> bylines, List<Keyword> keywords) {
        return new FeedArticle(id, section, slug, headline, standfirst, body, datelinePlace, publishedAt, updatedAt,
                bylines, keywords);
    }
}
