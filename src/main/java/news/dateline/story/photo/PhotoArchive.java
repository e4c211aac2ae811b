package news.dateline.story.photo;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The photo library as an export carries it and an import gives it back: every picture with its description and
 * its original file, and the rest of a picture's description (credit, source, copyright, focal point) for one an
 * import has just taken through {@link PhotoIntake}. The library owns the pictures, so media implements this;
 * interchange (which may not use media) reaches it here.
 */
public interface PhotoArchive {

    /** One picture as the library describes it; the focal point in thousandths from the top left. */
    record Archived(long id, String filename, String contentType, Instant uploadedAt, String alt, String caption,
            String credit, String source, String copyright, int focalX, int focalY) {
    }

    /** The library's pictures after {@code afterId}, oldest first, at most {@code limit}. */
    List<Archived> after(long afterId, int limit);

    /** The original file as it was uploaded (never served to readers). */
    byte[] original(long id) throws IOException;

    /** The stories using the picture (as their lead photo or in their text), lowest id first. */
    List<Long> usedBy(long id);

    /**
     * Gives a picture taken by an import the rest of its description. Only what the library does not know yet is
     * set (an empty credit, source or copyright; the focal point while it is the middle): the same bytes already in
     * the library keep the description they have.
     */
    void describe(long id, String credit, String source, String copyright, int focalX, int focalY);
}
