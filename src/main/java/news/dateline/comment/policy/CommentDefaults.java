package news.dateline.comment.policy;

import news.dateline.comment.CommentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The site's comment defaults as the comment form, the thread and the editor apply them: the admin's choice in the
 * settings ({@link ChosenDefaults}), else {@code dateline.comments.moderation} and {@code close-after-days}. Read on
 * every use: the settings follow their recorded change on every node, so this does too. A story's own rules
 * ({@code comment_policy}) still win over these.
 */
@Component
public class CommentDefaults {

    private final CommentProperties properties;
    /**
     * The settings' bean, looked up once: {@code getIfAvailable} resolves the dependency afresh on every call, which
     * was 18 % of a comment POST's handler (issue 20). The admin's choice itself is still read on every use.
     */
    private final SingletonSupplier<ChosenDefaults> chosen;

    CommentDefaults(CommentProperties properties, ObjectProvider<ChosenDefaults> chosen) {
        this.properties = properties;
        java.util.function.Supplier<ChosenDefaults> lookUp = chosen::getIfAvailable;
        this.chosen = SingletonSupplier.ofNullable(lookUp);
    }

    public SiteDefaults current() {
        ChosenDefaults admin = chosen.get();
        if (admin == null) {
            return configured();
        }
        return new SiteDefaults(admin.moderation().orElse(properties.moderation()),
                admin.closeAfterDays().orElse(properties.closeAfterDays()));
    }

    /** The {@code dateline.comments.*} properties alone: what a site whose admin chose nothing has. */
    public SiteDefaults configured() {
        return new SiteDefaults(properties.moderation(), properties.closeAfterDays());
    }
}
