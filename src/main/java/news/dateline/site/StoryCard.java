package news.dateline.site;

import java.util.List;
import news.dateline.platform.Moment;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Section;

/** One story in a list: home, section, tag, author, Recent Articles, Related News. */
public record StoryCard(String path, String headline, String standfirst, Section section, List<Author> authors,
        Moment published, Moment updated) {
}
