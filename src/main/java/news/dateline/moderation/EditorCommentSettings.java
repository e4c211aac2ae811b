package news.dateline.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import news.dateline.comment.Moderation;
import news.dateline.comment.policy.CommentDefaults;
import news.dateline.comment.policy.SiteDefaults;
import news.dateline.story.CommentSettingsDesk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The editor's comment settings: read from {@code comment_policy}, checked here, saved by {@link ModerationService}
 * like the API's {@code PUT /articles/{id}/policy}, so the article page follows the same recorded change.
 */
@Component
class EditorCommentSettings implements CommentSettingsDesk {

    static final String UNKNOWN_MODERATION = "Choose one of the comment settings offered.";
    static final String BAD_DAYS = "Close after: a whole number of days (0: never), or empty for the site's default.";
    /** Ten years: past that a number is a typo, not a policy. */
    private static final int MAX_DAYS = 3650;

    private final JdbcClient jdbc;
    private final ModerationService moderation;
    private final CommentDefaults defaults;

    EditorCommentSettings(JdbcClient jdbc, ModerationService moderation, CommentDefaults defaults) {
        this.jdbc = jdbc;
        this.moderation = moderation;
        this.defaults = defaults;
    }

    @Override
    public Settings of(long articleId) {
        return jdbc.sql("SELECT moderation, close_after_days FROM comment_policy WHERE article_id = :id")
                .param("id", articleId)
                .query((rs, n) -> {
                    String mode = rs.getString("moderation");
                    int days = rs.getInt("close_after_days");
                    return new Settings(mode == null ? "" : mode, rs.wasNull() ? "" : Integer.toString(days));
                })
                .optional().orElse(new Settings("", ""));
    }

    @Override
    public Settings siteDefaults() {
        SiteDefaults site = defaults.current(); // the admin's choice in the settings, else the properties
        return new Settings(site.moderation().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                Integer.toString(site.closeAfterDays()));
    }

    @Override
    public Map<String, String> problems(Settings typed) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!typed.moderation().isBlank() && Moderation.parse(typed.moderation().strip()).isEmpty()) {
            problems.put("commentModeration", UNKNOWN_MODERATION);
        }
        if (!typed.closeAfterDays().isBlank() && days(typed.closeAfterDays()).isEmpty()) {
            problems.put("commentCloseAfterDays", BAD_DAYS);
        }
        return problems;
    }

    @Override
    public void save(long articleId, Settings typed) {
        if (!problems(typed).isEmpty()) {
            throw new IllegalArgumentException("Comment settings not checked: " + typed);
        }
        if (typed.equals(of(articleId))) {
            return; // nothing changed: no change to record, no cached page to drop
        }
        Moderation mode = typed.moderation().isBlank() ? null : Moderation.parse(typed.moderation().strip()).get();
        moderation.setPolicy(articleId, mode, days(typed.closeAfterDays()).orElse(null));
    }

    private static Optional<Integer> days(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            return days >= 0 && days <= MAX_DAYS ? Optional.of(days) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
