package news.dateline.settings;

import java.util.Map;

/** The settings form as typed, every field a string as sent, with each field's problem. */
public record SettingsForm(String name, String tagline, String language, String timeZone, String logoUrl,
        String shareImageUrl, String socialProfiles, String footer, Map<String, String> errors) {

    static SettingsForm of(Settings settings) {
        return new SettingsForm(settings.name(), settings.tagline(), settings.language(), settings.timeZone().getId(),
                settings.logoUrl(), settings.shareImageUrl(), String.join("\n", settings.socialProfiles()),
                settings.footer(), Map.of());
    }

    SettingsForm withErrors(Map<String, String> problems) {
        return new SettingsForm(name, tagline, language, timeZone, logoUrl, shareImageUrl, socialProfiles, footer,
                problems);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
