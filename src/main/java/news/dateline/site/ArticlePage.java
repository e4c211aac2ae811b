package news.dateline.site;

import java.util.List;
import news.dateline.platform.Moment;
import news.dateline.story.photo.LeadPhoto;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.Tag;

/**
 * Everything the article page shows. {@code updated} is set only when the story changed after publication;
 * {@code leadPhoto} only when the story has one with a size ready.
 */
public record ArticlePage(
        long id,
        String path,
        String headline,
        String standfirst,
        Section section,
        List<Author> authors,
        List<Tag> tags,
        String datelinePlace,
        String sourceCredit,
        Moment published,
        Moment updated,
        String bodyHtml,
        List<StoryCard> recent,
        List<StoryCard> related,
        LeadPhoto leadPhoto) {
}
