package news.dateline.site;

import java.util.List;
import news.dateline.platform.Moment;
import news.dateline.story.photo.CardPhoto;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;

/**
 * One story in a list: home, section, tag, author, Recent Articles, Related News.
 *
 * @param photo its lead photo as a card shows it; {@code null} when it has none (or none of its sizes is ready)
 */
public record StoryCard(String path, String headline, String standfirst, Section section, List<Author> authors,
        Moment published, Moment updated, CardPhoto photo) {
}
