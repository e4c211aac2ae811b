package news.dateline.api;

import java.time.Instant;
import java.util.List;
import news.dateline.story.photo.LeadPhoto;

/**
 * The content API's JSON, as records (property names are written snake_case, times as ISO-8601 UTC strings).
 * Addresses are absolute, on the site's base URL. The same shapes are in {@code openapi.json}.
 */
final class StoryJson {

    private StoryJson() {
    }

    record Ref(String slug, String name, String url) {
    }

    record Story(long id, String url, String headline, String standfirst, Ref section, List<Ref> authors,
            List<Ref> tags, String publishedAt, String updatedAt, boolean live, LeadImage leadImage) {
    }

    record Image(String url, int width, int height) {
    }

    /** A crop of the picture, named by its shape ({@code 16:9}, {@code 4:3}, {@code 1:1}): the widest ready. */
    record Crop(String ratio, String url, int width, int height) {
    }

    /**
     * A story's lead picture: every ready size of its own shape in JPEG and WebP (narrowest first), the crops,
     * the 1200 × 630 share card ({@code null} while not ready), and what it shows.
     */
    record LeadImage(String alt, String caption, String credit, List<Image> jpeg, List<Image> webp,
            List<Crop> crops, Image share) {

        static LeadImage of(LeadPhoto photo, String base) {
            if (photo == null) {
                return null;
            }
            return new LeadImage(photo.alt(), photo.caption(), photo.credit(), images(photo.jpeg(), base),
                    images(photo.webp(), base),
                    photo.crops().stream().map(c -> new Crop(ratio(c), base + c.url(), c.width(), c.height()))
                            .toList(),
                    photo.share() == null ? null : image(photo.share(), base));
        }

        private static List<Image> images(List<LeadPhoto.Image> images, String base) {
            return images.stream().map(i -> image(i, base)).toList();
        }

        private static Image image(LeadPhoto.Image image, String base) {
            return new Image(base + image.url(), image.width(), image.height());
        }

        /** The nearest of the shapes the library cuts (a rendition's height is rounded to whole pixels). */
        private static String ratio(LeadPhoto.Image crop) {
            double shape = (double) crop.width() / crop.height();
            String nearest = "1:1";
            double best = Double.MAX_VALUE;
            for (String[] ratio : new String[][] {{"16:9", "16", "9"}, {"4:3", "4", "3"}, {"1:1", "1", "1"}}) {
                double off = Math.abs(shape - Double.parseDouble(ratio[1]) / Double.parseDouble(ratio[2]));
                if (off < best) {
                    best = off;
                    nearest = ratio[0];
                }
            }
            return nearest;
        }
    }

    record Correction(String at, String note) {
    }

    record Entry(long id, String bodyHtml, String bodyMarkdown, boolean keyEvent, String postedAt,
            String editedAt) {
    }

    record Live(String since, String endedAt, List<Entry> entries) {
    }

    record FullStory(long id, String url, String headline, String standfirst, Ref section, List<Ref> authors,
            List<Ref> tags, String publishedAt, String updatedAt, String dateline, String source, String bodyHtml,
            String bodyMarkdown, List<Correction> corrections, Live live, LeadImage leadImage) {
    }

    /** A page of stories; {@code next} is the address of the following page, {@code null} on the last. */
    record Stories(List<Story> stories, String nextCursor, String next) {
    }

    record Named(String slug, String name, String description, String url, long stories) {
    }

    record Sections(List<Named> sections) {
    }

    record Tags(List<Named> tags) {
    }

    record Authors(List<Named> authors) {
    }

    record SearchResults(String query, List<Story> stories) {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
