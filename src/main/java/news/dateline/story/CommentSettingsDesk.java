package news.dateline.story;

import java.util.Map;

/**
 * A story's comment settings as the editor shows and sends them. The comment features keep them, and story may not
 * use those packages, so moderation implements this for the editor (docs/newsroom.md, "Comment settings").
 */
public interface CommentSettingsDesk {

    /** As typed: {@code moderation} open, first-time, held or closed; empty strings for the site's default. */
    record Settings(String moderation, String closeAfterDays) {
    }

    /** The story's settings now, as the form shows them. */
    Settings of(long articleId);

    /** The site's defaults, for the form to say what "the site's default" is. */
    Settings siteDefaults();

    /** Field name → message beside it; empty when {@code typed} can be saved. */
    Map<String, String> problems(Settings typed);

    /** Saves settings that {@link #problems} found nothing wrong with, recording the change readers will see. */
    void save(long articleId, Settings typed);
}
