package news.dateline.story.photo;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A story's lead photo as a card in a list shows it: cut to 16:9 for a picture above the headline, 4:3 for a small
 * one beside it, each with the sizes that are ready now (a size still being made is not offered).
 *
 * @param wide     the 16:9 crop (may be empty)
 * @param standard the 4:3 crop (may be empty); at least one of the two has a JPEG
 */
public record CardPhoto(String alt, Shape wide, Shape standard) {

    /**
     * Where a card stands, which decides its picture's crop, how wide the browser will draw it ({@code sizes}, from
     * site.css) and whether it loads at once. Only the front page's lead is above the fold on every screen.
     */
    public enum Place {
        /** The front page's lead: as wide as the article column, fetched first. */
        LEAD(false, "(min-width: 44rem) 42rem, calc(100vw - 2rem)", true),
        /**
         * A front page grid ({@code minmax(15rem, 1fr)} in a 70rem column, 1.5rem gaps): four columns from 72rem,
         * three from about 66rem, two from about 50rem, one below about 33rem.
         */
        GRID(false, "(min-width: 72rem) 17rem, (min-width: 66rem) 25vw, (min-width: 50rem) 33vw, "
                + "(min-width: 34rem) 50vw, calc(100vw - 2rem)", false),
        /** A listing (section, tag, author, search): a 4:3 thumbnail beside the headline. */
        LIST(true, "(min-width: 40rem) 9rem, 7rem", false),
        /** Recent Articles and Related News under an article: a smaller thumbnail beside the headline. */
        MORE(true, "6rem", false);

        private final boolean beside;
        private final String sizes;
        private final boolean eager;

        Place(boolean beside, String sizes, boolean eager) {
            this.beside = beside;
            this.sizes = sizes;
            this.eager = eager;
        }

        public boolean beside() {
            return beside;
        }

        public String sizes() {
            return sizes;
        }

        public boolean eager() {
            return eager;
        }
    }

    /** One crop: its JPEGs and WebPs, narrowest first. */
    public record Shape(List<LeadPhoto.Image> jpeg, List<LeadPhoto.Image> webp) {

        public boolean isEmpty() {
            return jpeg.isEmpty();
        }

        public String jpegSrcset() {
            return srcset(jpeg);
        }

        public String webpSrcset() {
            return srcset(webp);
        }

        /** The JPEG nearest this width: {@code src}, {@code width} and {@code height} (the box kept before loading). */
        public LeadPhoto.Image nearest(int width) {
            return jpeg.stream().min(Comparator.comparingInt(i -> Math.abs(i.width() - width))).orElseThrow();
        }

        private static String srcset(List<LeadPhoto.Image> images) {
            return images.stream().map(i -> i.url() + " " + i.width() + "w").collect(Collectors.joining(", "));
        }
    }

    /** The crop for this place, or the other when that one is not ready. */
    public Shape at(Place place) {
        Shape wanted = place.beside() ? standard : wide;
        return wanted.isEmpty() ? (place.beside() ? wide : standard) : wanted;
    }

    /** The fallback's width for this place: sharp at its drawn width on most screens. */
    public static int fallbackWidth(Place place) {
        return place.beside() ? 320 : 640;
    }
}
