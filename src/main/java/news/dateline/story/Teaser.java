package news.dateline.story;

import java.time.Instant;
import java.util.List;
import news.dateline.platform.Slugs;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;

/** What a list of stories shows for each one. */
public record Teaser(
        long id,
        Section section,
        String slug,
        String headline,
        String standfirst,
        Instant publishedAt,
        Instant updatedAt,
        List<Author> authors) {

    public String path() {
        return Slugs.inUrl("/" + section.slug() + "/" + slug);
    }

    Teaser withAuthors(List<Author> bylines) {
        return new Teaser(id, section, slug, headline, standfirst, publishedAt, updatedAt, bylines);
    }
}
