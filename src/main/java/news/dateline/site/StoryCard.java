package news.dateline.site;

import java.util.List;
import news.dateline.article.Author;
import news.dateline.article.Section;
import news.dateline.platform.Moment;

/** One story in a list: home, section, tag, author, Recent Articles, Related News. */
public record StoryCard(String path, String headline, String standfirst, Section section, List<Author> authors,
        Moment published, Moment updated) {
}
