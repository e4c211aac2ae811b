package news.dateline.front;

import java.util.List;
import news.dateline.taxonomy.Section;

/** What the front page screen shows: the form, the stories to choose from, and each section with its own. */
public record FrontScreen(FrontForm form, List<Choice> stories, List<SectionChoices> sections, String notice,
        String problem) {

    /** A story in a list to choose from: its id and how the list names it. */
    public record Choice(long id, String label) {
    }

    public record SectionChoices(Section section, List<Choice> stories) {

        public String field() {
            return "pin-" + section.id();
        }
    }
}
