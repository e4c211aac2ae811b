package news.dateline.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import news.dateline.comment.Moderation;
import news.dateline.comment.policy.ChosenDefaults;
import news.dateline.media.MediaRepository;
import news.dateline.platform.Moments;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.cache.PageCache;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.SiteChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The site's settings as every page and feed reads them: stored rows over the {@code dateline.site.*} defaults,
 * kept in memory and read again after a recorded settings change (this node's, or another node's replayed by the
 * change follower), so a change applies on every node without a restart. The comment package reads its defaults
 * from here as {@link ChosenDefaults}, so they follow the same change.
 */
@Component
public class SiteSettings implements ChosenDefaults, MediaRepository.SiteUses {

    static final String NAME = "name";
    static final String TAGLINE = "tagline";
    static final String LANGUAGE = "language";
    static final String TIME_ZONE = "time-zone";
    static final String LOGO = "logo-url";
    static final String SHARE_IMAGE = "share-image-url";
    static final String SOCIAL = "social-profiles";
    static final String FOOTER = "footer";
    static final String LOGO_MEDIA = "logo-media";
    static final String ICON_MEDIA = "icon-media";
    /** Outside hosts pictures may come from, one a line (ImageHostList). */
    static final String IMAGE_HOSTS = "image-hosts";
    /** The logo's file: 320 pixels wide at least (the header shows it 3rem high, sharp on a dense screen). */
    static final int LOGO_WIDTH = 320;
    static final String COMMENTS = "comments";
    static final String COMMENT_MODERATION = "comment-moderation";
    static final String COMMENT_CLOSE_AFTER_DAYS = "comment-close-after-days";

    private final SettingsRepository stored;
    private final SiteProperties defaults;
    private final PageCache pages;
    private final Moments moments;
    private final NewsroomTimes newsroomTimes;
    private final MediaRepository media;
    private final AtomicReference<Settings> current = new AtomicReference<>();

    SiteSettings(SettingsRepository stored, SiteProperties defaults, PageCache pages, Moments moments,
            NewsroomTimes newsroomTimes, MediaRepository media) {
        this.stored = stored;
        this.defaults = defaults;
        this.pages = pages;
        this.moments = moments;
        this.newsroomTimes = newsroomTimes;
        this.media = media;
    }

    /** Reads the stored settings once the site is up, so pages and the newsroom show times in their zone. */
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        current();
    }

    public Settings current() {
        Settings known = current.get();
        if (known == null) {
            try {
                known = of(stored.all());
            } catch (DataAccessException e) {
                return of(Map.of()); // error pages render while the database is the thing that failed
            }
            if (current.compareAndSet(null, known)) {
                moments.useZone(known.timeZone());
                newsroomTimes.useZone(known.timeZone());
            }
        }
        return known;
    }

    /** The settings these stored values make, each missing or unusable one taken from the properties. */
    Settings of(Map<String, String> values) {
        ZoneId zone = defaults.timeZone();
        try {
            zone = ZoneId.of(values.getOrDefault(TIME_ZONE, zone.getId()));
        } catch (DateTimeException e) {
            // keeps the property's zone
        }
        String social = values.getOrDefault(SOCIAL, "");
        String logo = values.getOrDefault(LOGO, "");
        long logoMedia = id(values.get(LOGO_MEDIA));
        int logoWidth = 0;
        int logoHeight = 0;
        // A library logo shows while the picture is in the library and ready; else the address or the name as text.
        var served = logoMedia > 0 ? media.servedJpeg(logoMedia, false, LOGO_WIDTH) : Optional.<MediaRepository.Served>empty();
        if (served.isPresent()) {
            logo = served.get().url();
            logoWidth = served.get().width();
            logoHeight = served.get().height();
        }
        return new Settings(values.getOrDefault(NAME, defaults.name()), values.getOrDefault(TAGLINE, defaults.tagline()),
                values.getOrDefault(LANGUAGE, defaults.language()), zone, logo,
                values.getOrDefault(SHARE_IMAGE, ""),
                social.isBlank() ? List.of() : List.of(social.strip().split("\\s*\\n\\s*")),
                values.getOrDefault(FOOTER, ""), comments(values), logoMedia, logoWidth, logoHeight,
                id(values.get(ICON_MEDIA)), ImageHostList.parse(values.getOrDefault(IMAGE_HOSTS, "")));
    }

    /** A stored library id; 0 for none or one that does not parse. */
    static long id(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stored comment defaults; a value that no longer parses counts as not chosen. */
    private static CommentChoice comments(Map<String, String> values) {
        String open = values.get(COMMENTS);
        Moderation moderation = Moderation.parse(values.getOrDefault(COMMENT_MODERATION, ""))
                .filter(m -> m != Moderation.CLOSED).orElse(null);
        Integer days = null;
        try {
            days = values.containsKey(COMMENT_CLOSE_AFTER_DAYS)
                    ? Math.max(0, Integer.parseInt(values.get(COMMENT_CLOSE_AFTER_DAYS))) : null;
        } catch (NumberFormatException e) {
            // not chosen
        }
        return new CommentChoice("open".equals(open) ? Boolean.TRUE : "closed".equals(open) ? Boolean.FALSE : null,
                moderation, days);
    }

    /** For the photo library: a picture chosen as the logo or the icon is not deleted. */
    @Override
    public List<String> of(long mediaId) {
        Settings site = current();
        List<String> uses = new java.util.ArrayList<>();
        if (site.logoMedia() == mediaId) {
            uses.add("the site's logo");
        }
        if (site.iconMedia() == mediaId) {
            uses.add("the site's icon");
        }
        return uses;
    }

    /** For the comment package: the moderation of stories without their own, as saved here. */
    @Override
    public Optional<Moderation> moderation() {
        return current().comments().effectiveModeration();
    }

    @Override
    public OptionalInt closeAfterDays() {
        return current().comments().effectiveCloseAfterDays();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (change instanceof SiteChanged site && site.kind() == SiteChanged.Kind.SETTINGS) {
            current.set(null);
            // Whichever listener runs first, no page rendered with the old settings is kept after this.
            pages.clear();
        }
    }
}
