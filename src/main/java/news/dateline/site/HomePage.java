package news.dateline.site;

import java.util.List;
import news.dateline.taxonomy.Section;

public record HomePage(StoryCard lead, List<StoryCard> latest, List<SectionBlock> sections) {

    public record SectionBlock(Section section, List<StoryCard> stories) {
    }
}
