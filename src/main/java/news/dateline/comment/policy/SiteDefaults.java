package news.dateline.comment.policy;

import news.dateline.comment.Moderation;

/**
 * How a story without comment rules of its own takes comments: its moderation ({@link Moderation#CLOSED}: none) and
 * the days after publication it stops taking them (0: never).
 */
public record SiteDefaults(Moderation moderation, int closeAfterDays) {
}
