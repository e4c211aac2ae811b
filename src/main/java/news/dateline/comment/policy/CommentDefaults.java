package news.dateline.comment.policy;

import news.dateline.comment.CommentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The site's comment defaults as the comment form, the thread and the editor apply them: the admin's choice in the
 * settings ({@link ChosenDefaults}), else {@code dateline.comments.moderation} and {@code close-after-days}. Read on
 * every use: the settings follow their recorded change on every node, so this does too. A story's own rules
 * ({@code comment_policy}) still win over these.
 */
@Component
public class CommentDefaults {

    private final CommentProperties properties;
    private final ObjectProvider<ChosenDefaults> chosen;

    CommentDefaults(CommentProperties properties, ObjectProvider<ChosenDefaults> chosen) {
        this.properties = properties;
        this.chosen = chosen;
    }

    private volatile ChosenDefaults resolvedChosen;
    private volatile boolean resolved;

    public SiteDefaults current() {
        ChosenDefaults admin = chosen();
        if (admin == null) {
            return configured();
        }
        return new SiteDefaults(admin.moderation().orElse(properties.moderation()),
                admin.closeAfterDays().orElse(properties.closeAfterDays()));
    }

    /** Looked up once: asking the bean factory on every render was a visible part of an article page's CPU. */
    private ChosenDefaults chosen() {
        if (!resolved) {
            resolvedChosen = chosen.getIfAvailable();
            resolved = true;
        }
        return resolvedChosen;
    }

    /** The {@code dateline.comments.*} properties alone: what a site whose admin chose nothing has. */
    public SiteDefaults configured() {
        return new SiteDefaults(properties.moderation(), properties.closeAfterDays());
    }
}
