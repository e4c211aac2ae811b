package news.dateline.front;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteChanged;
import news.dateline.story.MarkdownRenderer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The banner's rules: one line of at most {@value #MAX_LENGTH} characters, a link a reader may follow (the same
 * check as links in stories: http, https, mailto or an address on this site; never {@code javascript:} or
 * {@code data:}), a running time the form offers. Setting one ends the one before; each change is one transaction
 * with {@link SiteChanged.Kind#BANNER} recorded, which empties the page cache on every node.
 */
@Service
class BannerService {

    static final int MAX_LENGTH = 160;
    static final String MESSAGE_MISSING = "Write the banner's line.";
    static final String MESSAGE_TOO_LONG = "Keep it to one line of " + MAX_LENGTH + " characters or fewer.";
    static final String LINK_UNSAFE = "Use an address starting with https://, http:// or / (this site).";
    static final String DURATION_UNKNOWN = "Choose how long the banner runs.";

    private final BannerRepository banners;
    private final ChangeLog changes;
    private final Clock clock;

    BannerService(BannerRepository banners, ChangeLog changes, Clock clock) {
        this.banners = banners;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public void set(BannerForm form, String setBy) {
        Map<String, String> problems = new LinkedHashMap<>();
        String message = form.message().strip();
        if (message.isEmpty()) {
            problems.put("message", MESSAGE_MISSING);
        } else if (message.length() > MAX_LENGTH || message.lines().count() > 1) {
            problems.put("message", MESSAGE_TOO_LONG);
        }
        String link = form.link().strip();
        if (!link.isEmpty() && !safe(link)) {
            problems.put("link", LINK_UNSAFE);
        }
        Integer minutes = null;
        try {
            minutes = Integer.valueOf(form.minutes().strip());
        } catch (NumberFormatException e) {
            // stays null
        }
        if (minutes == null || !BannerForm.DURATIONS.contains(minutes)) {
            problems.put("minutes", DURATION_UNKNOWN);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The banner was not set: see the fields marked below.", problems);
        }
        Instant now = clock.instant();
        banners.endAll(now);
        banners.insert(now, message, link, now.plus(Duration.ofMinutes(minutes)), setBy);
        changes.record(new SiteChanged(SiteChanged.Kind.BANNER));
    }

    @Transactional
    public void end() {
        if (banners.endAll(clock.instant()) > 0) {
            changes.record(new SiteChanged(SiteChanged.Kind.BANNER));
        }
    }

    /** A link readers may follow: the stories' URL check, and no address without a scheme but a path on this site. */
    private static boolean safe(String link) {
        if (!MarkdownRenderer.isSafeUrl(link) || link.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        String lower = link.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                || (link.startsWith("/") && !link.startsWith("//"));
    }
}
