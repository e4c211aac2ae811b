package news.dateline.media;

/** What the library tells a person, in one place (each names the file it is about). */
final class MediaMessages {

    static final String NO_FILE = "Choose a picture to upload.";
    static final String EMPTY = "\"%s\" is empty.";
    static final String TOO_LARGE = "\"%s\" is %s: pictures of at most %s are taken.";
    static final String TOO_MANY_PIXELS = "\"%s\" is %d × %d pixels (%.0f megapixels): at most %.0f megapixels are "
            + "taken. Scale it down first.";
    static final String NOT_AN_IMAGE = "\"%s\" is not a picture we can use: %s. Upload a JPEG, PNG, GIF or WebP file.";
    static final String SVG = "\"%s\" is an SVG drawing. SVG files can carry scripts and links that run on our "
            + "pages, so they are not taken: export it as PNG and upload that.";
    static final String CORRUPT = "\"%s\" could not be read to the end (%s): it may be damaged or cut short. "
            + "Nothing was stored; upload it again.";
    static final String STORE_AWAY = "\"%s\" could not be stored: the photo store cannot be reached just now. "
            + "Nothing was stored; upload it again in a few minutes.";
    static final String NOT_FOUND = "There is no picture %d in the library.";
    static final String IN_USE = "\"%s\" is used by %d stories: take it off them before deleting it.";
    static final String SITE_USE = "\"%s\" is %s: choose another in the site settings before deleting it.";
    static final String FOCAL = "The focal point is a share of the width and height, from 0 to 1000.";
    static final String TOO_LONG = "At most %d characters.";
    static final String SAME_FILE = "\"%s\" is the file this picture has already: nothing was changed.";
    static final String ALREADY_IN_LIBRARY = "\"%s\" is in the library already, as picture #%d (\"%s\"): use that "
            + "one where you want it, or delete it first. Nothing was changed.";
    static final String REPLACED_SAME_SHAPE = "The new file is in. Its sizes are being made; until they are ready, "
            + "pages show the old picture. Same shape, so the focal point was kept.";
    static final String REPLACED_NEW_SHAPE = "The new file is in. Its sizes are being made; until they are ready, "
            + "pages show the old picture. Another shape, so the focal point is back in the centre: check it.";
    static final String REPLACED_MEANWHILE = "Picture #%d was changed by someone else while \"%s\" was sent: look at "
            + "it again, and replace it if you still mean to. Nothing was changed.";

    private MediaMessages() {
    }
}
