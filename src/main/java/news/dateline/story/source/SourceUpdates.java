package news.dateline.story.source;

import java.util.Optional;

/**
 * What the outside source of a story's text says now (today: the agency whose wire item the story was made from,
 * answered by {@code wire}): a newer version to take, or the item withheld. The editor shows it above the form.
 * story may not use wire; the same shape as {@code story.CommentSettingsDesk}.
 */
public interface SourceUpdates {

    /** Something for the story's editor to see, or empty when the source has nothing new. */
    Optional<SourceUpdate> of(long articleId);
}
