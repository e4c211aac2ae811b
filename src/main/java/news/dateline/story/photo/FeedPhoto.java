package news.dateline.story.photo;

/**
 * A story's lead photo as feeds and sitemaps name it: one JPEG of the picture's own shape (the ready one nearest
 * {@link #WIDTH} wide), with what an RSS enclosure must say about it (its length in bytes and its type).
 *
 * @param url an address on this site ({@code /media/….jpg}); feeds make it absolute
 */
public record FeedPhoto(String url, String type, long length, int width, int height, String alt, String caption) {

    /** Wide enough for any feed reader's card and Google's image search, small enough to fetch for a list. */
    public static final int WIDTH = 1280;

    public FeedPhoto at(String absoluteUrl) {
        return new FeedPhoto(absoluteUrl, type, length, width, height, alt, caption);
    }
}
