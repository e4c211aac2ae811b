package news.dateline.feed;

import java.time.Instant;
import java.util.List;
import news.dateline.story.photo.FeedPhoto;

/**
 * One feed, ready to write in any format: absolute addresses, times as instants.
 *
 * @param hubUrl  the WebSub hub to advertise, or null when WebSub is off
 */
record Feed(
        String title,
        String description,
        String language,
        String pageUrl,
        String selfUrl,
        String hubUrl,
        Person publisher,
        Instant updated,
        List<Item> items) {

    /**
     * @param id           stable across slug changes, so a renamed story is not a new one to feed readers
     * @param contentHtml  the story's body as its page shows it, or null when feeds carry summaries only
     * @param image        the story's lead photo (its address absolute), or null
     */
    record Item(
            String id,
            String url,
            String title,
            String summary,
            String contentHtml,
            Instant published,
            Instant updated,
            List<Person> authors,
            String section,
            List<String> tags,
            FeedPhoto image) {
    }

    record Person(String name, String url) {
    }
}
