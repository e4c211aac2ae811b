package news.dateline.story;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.Slugs;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.Tag;

/** An article as stored, with its section, bylines and tags in display order. */
public record Article(
        long id,
        Section section,
        String slug,
        String headline,
        String standfirst,
        String body,
        String datelinePlace,
        String sourceCredit,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        List<Author> authors,
        List<Tag> tags) {

    Article withBylinesAndTags(List<Author> bylines, List<Tag> tagList) {
        return new Article(id, section, slug, headline, standfirst, body, datelinePlace, sourceCredit, status,
                publishedAt, updatedAt, bylines, tagList);
    }

    public String path() {
        return Slugs.inUrl("/" + section.slug() + "/" + slug);
    }

    /** The time readers are told the story last changed: the public update if there was one. */
    public Instant lastChanged() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
