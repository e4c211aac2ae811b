package news.dateline.story.photo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A story's lead photo as reader pages show it: the sizes that are ready now (none missing is assumed: a size still
 * being made is simply not offered), its description, the 1200 × 630 share card and the crops for JSON-LD.
 *
 * @param fallback the JPEG for browsers that take no {@code srcset}, also giving {@code width}/{@code height}
 * @param jpeg     the picture's own shape, narrowest first
 * @param webp     the same in WebP, narrowest first (may be empty)
 * @param share    the Open Graph card, or {@code null} while it is not ready
 * @param crops    16:9, 4:3 and 1:1, the widest ready of each, for {@code NewsArticle.image}
 */
public record LeadPhoto(String alt, String caption, String credit, Image fallback, List<Image> jpeg,
        List<Image> webp, Image share, List<Image> crops) {

    /** The article column is at most 42rem wide (--measure); on a phone the picture spans the screen. */
    public static final String SIZES = "(min-width: 44rem) 42rem, 100vw";

    /** One served file. */
    public record Image(String url, int width, int height) {
    }

    public String jpegSrcset() {
        return srcset(jpeg);
    }

    public String webpSrcset() {
        return srcset(webp);
    }

    public boolean hasCaption() {
        return !caption.isBlank() || !credit.isBlank();
    }

    private static String srcset(List<Image> images) {
        return images.stream().map(i -> i.url() + " " + i.width() + "w").collect(Collectors.joining(", "));
    }
}
