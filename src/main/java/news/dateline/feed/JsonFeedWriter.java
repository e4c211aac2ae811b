package news.dateline.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) through Jackson. */
@Component
class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String write(Feed feed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.pageUrl());
        root.put("feed_url", feed.selfUrl());
        if (!feed.description().isBlank()) {
            root.put("description", feed.description());
        }
        root.put("language", feed.language());
        root.putArray("authors").addObject().put("name", feed.publisher().name()).put("url", feed.publisher().url());
        if (feed.hubUrl() != null) {
            root.putArray("hubs").addObject().put("type", "WebSub").put("url", feed.hubUrl());
        }
        ArrayNode items = root.putArray("items");
        feed.items().forEach(story -> item(items.addObject(), story));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void item(ObjectNode item, Feed.Item story) {
        item.put("id", story.id());
        item.put("url", story.url());
        item.put("title", story.title());
        if (story.contentHtml() != null) {
            item.put("content_html", story.contentHtml());
        } else {
            // An item needs content; without the full story it is the standfirst, or the headline.
            item.put("content_text", story.summary().isBlank() ? story.title() : story.summary());
        }
        if (!story.summary().isBlank()) {
            item.put("summary", story.summary());
        }
        if (story.image() != null) {
            item.put("image", story.image().url());
        }
        item.put("date_published", rfc3339(story.published()));
        item.put("date_modified", rfc3339(story.updated()));
        if (!story.authors().isEmpty()) {
            ArrayNode authors = item.putArray("authors");
            story.authors().forEach(a -> authors.addObject().put("name", a.name()).put("url", a.url()));
        }
        ArrayNode tags = item.putArray("tags");
        tags.add(story.section());
        story.tags().forEach(tags::add);
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
