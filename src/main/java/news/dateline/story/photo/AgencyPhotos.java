package news.dateline.story.photo;

import java.util.Optional;

/**
 * Pictures an agency sends (wire picture items) kept in the library: taken in with everything the agency says about
 * them, replaced by a newer version, withdrawn by a kill. The library owns the pictures and wire may not use media,
 * so media implements this, as it implements {@link PhotoIntake} for the WordPress import. Every check of an upload
 * applies (the bytes decide the type; size and pixel limits; damaged files).
 */
public interface AgencyPhotos {

    /**
     * A picture as the agency describes it. {@code alt} is the agency's caption or headline: the library keeps it but
     * marks it as not yet checked by an editor (the editor's alt-text notice names it). The focal point is in
     * thousandths from the top left (500, 500: the centre).
     */
    record Picture(String filename, byte[] bytes, String alt, String caption, String credit, String source,
            String copyright, int focalX, int focalY) {
    }

    /** Why the library would refuse these bytes (its own message, naming the file); empty when it would take them. */
    Optional<String> refusal(String filename, byte[] bytes);

    /**
     * Takes the picture in, inside the caller's transaction (its sizes are made after that commits). Bytes the
     * library has already are that item, whose description is left as the newsroom made it. Refused: nothing stored.
     */
    PhotoIntake.Outcome take(Picture picture);

    /**
     * A newer version of an agency picture: the item keeps its number and every use; its file becomes this one when
     * the bytes differ (made again in the background, the old sizes shown meanwhile), and its texts become these.
     * Each story showing it records a change. Refused: nothing changed, and the refusal's message is answered.
     */
    PhotoIntake.Outcome replace(long mediaId, Picture picture);

    /**
     * The agency killed the picture: its sizes are removed at once, so every story that shows it (lead photo, in the
     * text) shows nothing in its place, each such story records a change (cached pages are dropped), and the library
     * marks it killed with {@code notice}: it may not be chosen again.
     */
    void withdraw(long mediaId, String notice);
}
