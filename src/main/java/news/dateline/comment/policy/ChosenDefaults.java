package news.dateline.comment.policy;

import java.util.Optional;
import java.util.OptionalInt;
import news.dateline.comment.Moderation;

/**
 * What an admin chose for the site's comment defaults, where they chose anything. Implemented by {@code settings}
 * (which uses comment, never the reverse), so the comment package follows the settings screen without knowing it.
 */
public interface ChosenDefaults {

    /** The moderation of stories without their own, {@link Moderation#CLOSED} when new stories take no comments. */
    Optional<Moderation> moderation();

    OptionalInt closeAfterDays();
}
