package news.dateline.story.photo;

import java.util.List;

/**
 * The editor's lead photo field: what it holds (as typed) and what may be chosen.
 *
 * @param withoutAlt one line for each picture the story shows (lead or in the text) that has no alt text, naming it
 */
public record LeadPhotoField(String value, List<LeadPhotoDesk.Choice> choices, List<String> withoutAlt) {

    /** The chosen picture, for its thumbnail beside the field; {@code null} when none or not in the library. */
    public LeadPhotoDesk.Choice chosen() {
        return choices.stream().filter(c -> Long.toString(c.id()).equals(value.strip())).findFirst().orElse(null);
    }

    public boolean isChosen(LeadPhotoDesk.Choice choice) {
        return Long.toString(choice.id()).equals(value.strip());
    }
}
