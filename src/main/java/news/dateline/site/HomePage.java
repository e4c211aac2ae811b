package news.dateline.site;

import java.util.List;
import news.dateline.taxonomy.Section;

/** The home page, each story once: the lead, the editors' top stories, Latest, and a block per section. */
public record HomePage(StoryCard lead, List<StoryCard> top, List<StoryCard> latest, List<SectionBlock> sections) {

    public record SectionBlock(Section section, List<StoryCard> stories) {
    }
}
