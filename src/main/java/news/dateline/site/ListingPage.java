package news.dateline.site;

import java.util.List;

/** A section, tag or author page: a heading, what it is about, and its stories newest first. */
public record ListingPage(String kind, String heading, String description, String path, List<StoryCard> stories,
        Pagination pagination) {
}
