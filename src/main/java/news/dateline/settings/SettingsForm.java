package news.dateline.settings;

import java.util.Locale;
import java.util.Map;
import news.dateline.comment.Moderation;
import news.dateline.comment.policy.SiteDefaults;

/**
 * The settings form as typed, every field a string as sent, with each field's problem. The comment fields:
 * {@code comments} open or closed (do stories without their own rules take comments), {@code commentModeration}
 * open, first-time or held, {@code commentCloseAfterDays} a number of days (0: never); "" for one not sent.
 * {@code logoMedia} and {@code iconMedia} are library ids, "" for none; {@code imageHosts} the outside image hosts,
 * one a line.
 */
public record SettingsForm(String name, String tagline, String language, String timeZone, String logoUrl,
        String shareImageUrl, String socialProfiles, String footer, String comments, String commentModeration,
        String commentCloseAfterDays, String logoMedia, String iconMedia, String imageHosts,
        Map<String, String> errors) {

    /** The saved settings, the comment fields showing the defaults in force (the properties' where none saved). */
    static SettingsForm of(Settings settings, SiteDefaults comments) {
        Moderation moderation = comments.moderation() == Moderation.CLOSED
                ? settings.comments().moderation() == null ? Moderation.FIRST_TIME : settings.comments().moderation()
                : comments.moderation();
        return new SettingsForm(settings.name(), settings.tagline(), settings.language(), settings.timeZone().getId(),
                settings.logoMedia() > 0 ? "" : settings.logoUrl(), settings.shareImageUrl(), String.join("\n", settings.socialProfiles()),
                settings.footer(), comments.moderation() == Moderation.CLOSED ? "closed" : "open",
                moderation.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Integer.toString(comments.closeAfterDays()), idText(settings.logoMedia()), idText(settings.iconMedia()),
                String.join("\n", settings.imageHosts()), Map.of());
    }

    SettingsForm withErrors(Map<String, String> problems) {
        return new SettingsForm(name, tagline, language, timeZone, logoUrl, shareImageUrl, socialProfiles, footer,
                comments, commentModeration, commentCloseAfterDays, logoMedia, iconMedia, imageHosts, problems);
    }

    private static String idText(long id) {
        return id > 0 ? Long.toString(id) : "";
    }

    public String error(String field) {
        return errors.get(field);
    }
}
