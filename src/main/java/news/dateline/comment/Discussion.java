package news.dateline.comment;

import java.time.Duration;
import java.time.Instant;
import news.dateline.comment.policy.SiteDefaults;

/**
 * A published article as far as comments are concerned: where it lives and the rules it overrides (null: the
 * site's default applies).
 */
record Discussion(long articleId, String path, String headline, Instant publishedAt,
        Moderation moderationOverride, Integer closeAfterDaysOverride) {

    Moderation moderation(SiteDefaults site) {
        return moderationOverride != null ? moderationOverride : site.moderation();
    }

    int closeAfterDays(SiteDefaults site) {
        return closeAfterDaysOverride != null ? closeAfterDaysOverride : site.closeAfterDays();
    }

    /** Closed by its moderation setting, or because it is older than close-after-days. */
    boolean isClosed(SiteDefaults site, Instant now) {
        if (moderation(site) == Moderation.CLOSED) {
            return true;
        }
        int days = closeAfterDays(site);
        return days > 0 && publishedAt != null && publishedAt.plus(Duration.ofDays(days)).isBefore(now);
    }

    String commentsPath() {
        return path + "/comments";
    }
}
