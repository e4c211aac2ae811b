package news.dateline.settings;

import java.time.ZoneId;
import java.util.List;

/**
 * How the site presents itself, as an admin set it at /newsroom/settings (defaults: the {@code dateline.site.*}
 * properties). {@code logoUrl} and {@code shareImageUrl} are "" for the bundled images, {@code footer} "" for the
 * standard line; {@code socialProfiles} are the site's own pages elsewhere (printed as {@code sameAs});
 * {@code comments} the comment defaults, applied by the comment package through {@link SiteSettings}.
 */
public record Settings(String name, String tagline, String language, ZoneId timeZone, String logoUrl,
        String shareImageUrl, List<String> socialProfiles, String footer, CommentChoice comments) {

    public boolean hasLogo() {
        return !logoUrl.isEmpty();
    }

    public boolean hasFooter() {
        return !footer.isEmpty();
    }
}
