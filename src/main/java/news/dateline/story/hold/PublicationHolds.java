package news.dateline.story.hold;

import java.time.Instant;
import java.util.Optional;

/**
 * A time before which a story may not go out, set outside the newsroom's editing (today: an agency's embargo on
 * the wire item the story was made from, answered by {@code wire}). {@code ArticleService} asks before publishing
 * or scheduling: "Publish" before that time schedules the story for it instead, and a schedule earlier than it
 * moves to it. A bar ({@link #barred}) refuses publishing and scheduling outright, and keeps a scheduled story
 * waiting. story may not use wire; the same shape as {@code story.CommentSettingsDesk}.
 */
public interface PublicationHolds {

    /** The time the story may be published at the earliest, when that is after {@code now}; empty otherwise. */
    Optional<Instant> heldUntil(long articleId, Instant now);

    /**
     * Why the story may not be published or scheduled at all, whatever the time (the agency killed the item it was
     * made from, or withheld it until a usable version arrives): a message for the editor naming what holds it.
     * Empty when nothing bars it.
     */
    default Optional<String> barred(long articleId) {
        return Optional.empty();
    }
}
