package news.dateline.story.photo;

import java.util.List;
import java.util.Map;

/**
 * Choosing a story's lead photo in the editor. The library owns the pictures and where they are used
 * ({@code media_use}), so media implements this, as moderation implements the editor's comment settings.
 */
public interface LeadPhotoDesk {

    /** The form field's name, and the key of its problem. */
    String FIELD = "leadPhoto";

    /** A picture the editor can choose: its id, a label for the list and a small thumbnail (empty when none yet). */
    record Choice(long id, String label, String thumbnail) {
    }

    /** The library's pictures to choose from, newest first. */
    List<Choice> choices();

    /** The story's lead photo's id as the form shows it; empty for none. */
    String chosen(long articleId);

    /** Field name → message; empty when {@code typed} (an id, or empty for none) can be saved. */
    Map<String, String> problems(String typed);

    /**
     * The pictures the story shows (its lead photo, those in its text) that have no alt text, one line each naming
     * the picture and where it is: the editor warns before and after publishing (publishing is not refused).
     */
    List<String> withoutAlt(long articleId);

    /** Makes {@code typed} the story's lead photo (empty: none), recording the change readers will see. */
    void save(long articleId, String typed);
}
