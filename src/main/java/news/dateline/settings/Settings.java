package news.dateline.settings;

import java.time.ZoneId;
import java.util.List;

/**
 * How the site presents itself, as an admin set it at /newsroom/settings (defaults: the {@code dateline.site.*}
 * properties). {@code logoUrl} and {@code shareImageUrl} are "" for the bundled images, {@code footer} "" for the
 * standard line; {@code socialProfiles} are the site's own pages elsewhere (printed as {@code sameAs});
 * {@code comments} the comment defaults, applied by the comment package through {@link SiteSettings};
 * {@code logoMedia} and {@code iconMedia} the library pictures chosen as logo and icon (0: none; a chosen logo is
 * {@code logoUrl}, {@code logoWidth} × {@code logoHeight}, while it is in the library and ready); {@code imageHosts}
 * the outside hosts pages may load pictures from (the CSP's {@code img-src}; {@link ImageHostList}).
 */
public record Settings(String name, String tagline, String language, ZoneId timeZone, String logoUrl,
        String shareImageUrl, List<String> socialProfiles, String footer, CommentChoice comments, long logoMedia,
        int logoWidth, int logoHeight, long iconMedia, List<String> imageHosts) {

    public boolean hasLogo() {
        return !logoUrl.isEmpty();
    }

    /** The logo's width for {@code <img width>} when it is a library picture (then its size is known), else null. */
    public String logoWidthText() {
        return logoWidth > 0 ? Integer.toString(logoWidth) : null;
    }

    public String logoHeightText() {
        return logoHeight > 0 ? Integer.toString(logoHeight) : null;
    }

    /** A library picture is the site's icon: favicon, apple-touch and manifest icons are made from it. */
    public boolean hasIcon() {
        return iconMedia > 0;
    }

    public boolean hasFooter() {
        return !footer.isEmpty();
    }
}
