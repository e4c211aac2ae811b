package news.dateline.api;

import java.time.Instant;
import java.util.List;

/**
 * The content API's JSON, as records (property names are written snake_case, times as ISO-8601 UTC strings).
 * Addresses are absolute, on the site's base URL. The same shapes are in {@code openapi.json}.
 */
final class StoryJson {

    private StoryJson() {
    }

    record Ref(String slug, String name, String url) {
    }

    record Story(long id, String url, String headline, String standfirst, Ref section, List<Ref> authors,
            List<Ref> tags, String publishedAt, String updatedAt, boolean live) {
    }

    record Correction(String at, String note) {
    }

    record Entry(long id, String bodyHtml, String bodyMarkdown, boolean keyEvent, String postedAt,
            String editedAt) {
    }

    record Live(String since, String endedAt, List<Entry> entries) {
    }

    record FullStory(long id, String url, String headline, String standfirst, Ref section, List<Ref> authors,
            List<Ref> tags, String publishedAt, String updatedAt, String dateline, String source, String bodyHtml,
            String bodyMarkdown, List<Correction> corrections, Live live) {
    }

    /** A page of stories; {@code next} is the address of the following page, {@code null} on the last. */
    record Stories(List<Story> stories, String nextCursor, String next) {
    }

    record Named(String slug, String name, String description, String url, long stories) {
    }

    record Sections(List<Named> sections) {
    }

    record Tags(List<Named> tags) {
    }

    record Authors(List<Named> authors) {
    }

    record SearchResults(String query, List<Story> stories) {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
