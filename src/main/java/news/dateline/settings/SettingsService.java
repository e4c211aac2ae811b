package news.dateline.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import news.dateline.comment.Moderation;
import news.dateline.media.MediaRepository;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteChanged;
import news.dateline.story.MarkdownRenderer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the settings form; a saved form is one transaction that stores every setting and records
 * {@link SiteChanged.Kind#SETTINGS}: every node reloads them (the comment defaults with them) and empties its page
 * cache.
 */
@Service
class SettingsService {

    static final String NAME_MISSING = "The site needs a name.";
    static final String TOO_LONG = "Keep it to %d characters or fewer, on one line.";
    static final String LANGUAGE_UNKNOWN = "Give a language tag such as en, de or pt-BR.";
    static final String ZONE_UNKNOWN = "Give a time zone such as Europe/Berlin or UTC.";
    static final String IMAGE_UNSAFE = "Use an address starting with https:// or / (this site), or leave it empty.";
    static final String LOGO_OFF_SITE = "Use an image on this site, starting with / (pages load images from this site "
            + "only), or leave it empty.";
    static final String PROFILE_UNSAFE = "Each line must be one address starting with https://.";
    static final String PICTURE_UNKNOWN = "Choose a picture from the photo library whose sizes are ready, or none.";
    static final String LOGO_TWICE = "Choose a logo from the library or give its address, not both.";
    static final String COMMENTS_UNKNOWN = "Choose whether new stories take comments.";
    static final String MODERATION_UNKNOWN = "Choose one of the moderation policies offered.";
    static final String DAYS_BAD = "Give a whole number of days, 0 for never (at most 3650).";
    static final int MAX_PROFILES = 12;
    /** Ten years: past that a number is a typo, not a policy (as in the editor's comment settings). */
    static final int MAX_DAYS = 3650;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final SettingsRepository stored;
    private final ChangeLog changes;
    private final MediaRepository media;

    SettingsService(SettingsRepository stored, ChangeLog changes, MediaRepository media) {
        this.stored = stored;
        this.changes = changes;
        this.media = media;
    }

    @Transactional
    public void save(SettingsForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        String name = line(form.name(), 80, SiteSettings.NAME, problems);
        if (name.isEmpty() && !problems.containsKey(SiteSettings.NAME)) {
            problems.put(SiteSettings.NAME, NAME_MISSING);
        }
        values.put(SiteSettings.NAME, name);
        values.put(SiteSettings.TAGLINE, line(form.tagline(), 160, SiteSettings.TAGLINE, problems));
        String language = form.language().strip();
        if (!LANGUAGE_TAG.matcher(language).matches()) {
            problems.put(SiteSettings.LANGUAGE, LANGUAGE_UNKNOWN);
        }
        values.put(SiteSettings.LANGUAGE, language);
        String zone = form.timeZone().strip();
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            problems.put(SiteSettings.TIME_ZONE, ZONE_UNKNOWN);
        }
        values.put(SiteSettings.TIME_ZONE, zone);
        String logo = image(form.logoUrl(), SiteSettings.LOGO, problems);
        if (!logo.isEmpty() && !problems.containsKey(SiteSettings.LOGO) && !logo.startsWith("/")) {
            // The Content-Security-Policy (img-src 'self') would block an image from another site in the header.
            problems.put(SiteSettings.LOGO, LOGO_OFF_SITE);
        }
        values.put(SiteSettings.LOGO, logo);
        picture(form.logoMedia(), SiteSettings.LOGO_MEDIA, false, values, problems);
        if (!logo.isEmpty() && values.containsKey(SiteSettings.LOGO_MEDIA)) {
            problems.put(SiteSettings.LOGO_MEDIA, LOGO_TWICE);
        }
        picture(form.iconMedia(), SiteSettings.ICON_MEDIA, true, values, problems);
        values.put(SiteSettings.SHARE_IMAGE, image(form.shareImageUrl(), SiteSettings.SHARE_IMAGE, problems));
        List<String> profiles = form.socialProfiles().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (profiles.size() > MAX_PROFILES
                || profiles.stream().anyMatch(p -> !p.toLowerCase(Locale.ROOT).startsWith("https://")
                        || !MarkdownRenderer.isSafeUrl(p) || p.contains(" ") || p.length() > 300)) {
            problems.put(SiteSettings.SOCIAL, PROFILE_UNSAFE);
        }
        values.put(SiteSettings.SOCIAL, String.join("\n", profiles));
        values.put(SiteSettings.FOOTER, line(form.footer(), 300, SiteSettings.FOOTER, problems));
        comments(form, values, problems);
        ImageHostList.check(form.imageHosts(), values, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The settings were not saved: see the fields marked below.", problems);
        }
        stored.replace(values);
        changes.record(new SiteChanged(SiteChanged.Kind.SETTINGS));
    }

    /** A library picture by id ("": none), which must have its sizes ready: the logo's own shape, the icon's square. */
    private void picture(String typed, String field, boolean square, Map<String, String> values,
            Map<String, String> problems) {
        String id = typed.strip();
        if (id.isEmpty()) {
            return;
        }
        if (!id.matches("\\d{1,18}") || media.servedJpeg(Long.parseLong(id), square, 0).isEmpty()) {
            problems.put(field, PICTURE_UNKNOWN);
            return;
        }
        values.put(field, Long.toString(Long.parseLong(id)));
    }

    /** The comment defaults; a field not sent stores no row, so the {@code dateline.comments.*} property applies. */
    private static void comments(SettingsForm form, Map<String, String> values, Map<String, String> problems) {
        String open = form.comments().strip();
        if (open.equals("open") || open.equals("closed")) {
            values.put(SiteSettings.COMMENTS, open);
        } else if (!open.isEmpty()) {
            problems.put(SiteSettings.COMMENTS, COMMENTS_UNKNOWN);
        }
        String moderation = form.commentModeration().strip();
        if (!moderation.isEmpty()) {
            var policy = Moderation.parse(moderation).filter(m -> m != Moderation.CLOSED);
            if (policy.isPresent()) {
                values.put(SiteSettings.COMMENT_MODERATION, moderation.toLowerCase(Locale.ROOT));
            } else {
                problems.put(SiteSettings.COMMENT_MODERATION, MODERATION_UNKNOWN);
            }
        }
        String days = form.commentCloseAfterDays().strip();
        if (!days.isEmpty()) {
            if (days.matches("\\d{1,4}") && Integer.parseInt(days) <= MAX_DAYS) {
                values.put(SiteSettings.COMMENT_CLOSE_AFTER_DAYS, Integer.toString(Integer.parseInt(days)));
            } else {
                problems.put(SiteSettings.COMMENT_CLOSE_AFTER_DAYS, DAYS_BAD);
            }
        }
    }

    private static String line(String value, int max, String field, Map<String, String> problems) {
        String text = value.strip();
        if (text.length() > max || text.lines().count() > 1) {
            problems.put(field, TOO_LONG.formatted(max));
        }
        return text;
    }

    private static String image(String value, String field, Map<String, String> problems) {
        String url = value.strip();
        boolean ok = url.isEmpty() || (MarkdownRenderer.isSafeUrl(url) && !url.contains(" ") && url.length() <= 500
                && (url.toLowerCase(Locale.ROOT).startsWith("https://") || url.startsWith("/") && !url.startsWith("//")));
        if (!ok) {
            problems.put(field, IMAGE_UNSAFE);
        }
        return url;
    }
}
