package news.dateline.interchange.uploads;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.PhotoIntake;

/**
 * A local copy of a WordPress site's {@code wp-content/uploads}, given to an import ({@code import wxr FILE
 * --uploads DIR}): each attachment's file is found in it ({@code _wp_attached_file}, else the part of its URL after
 * {@code wp-content/uploads/}, or after the host for a WordPress.com site's {@code *.files.wordpress.com}) and taken
 * into the library with the upload's checks; a post's featured image ({@code _thumbnail_id}) becomes its lead photo
 * once every attachment has been read (WordPress exports attachments after the posts that use them).
 * Nothing outside the folder is ever read: a path that leaves it is reported as not found.
 */
public final class UploadsFolder {

    /** Why a file was not taken (a refusal by the library follows the file's path and a colon). */
    public static final String NOT_FOUND = "not in the uploads folder: %s";
    public static final String NO_PATH = "attachment whose file cannot be told from its URL";
    static final String BY = "WordPress import";

    /** What became of one attachment: taken (or, in a dry run, found), or the problem, for the summary. */
    public record Result(boolean taken, String problem) {
    }

    private final Path root;
    /** Null in a dry run: files are looked for, not stored. */
    private final PhotoIntake photos;
    private final LeadPhotoDesk leads;
    /** WordPress attachment id → library item. */
    private final Map<Long, Long> taken = new LinkedHashMap<>();
    /** Imported story → its featured image's WordPress attachment id. */
    private final Map<Long, Long> featured = new LinkedHashMap<>();

    public UploadsFolder(Path root, PhotoIntake photos, LeadPhotoDesk leads) {
        this.root = root.toAbsolutePath().normalize();
        this.photos = photos;
        this.leads = leads;
    }

    public Result attachment(Long wpId, String attachedFile, String url, String alt, String caption) {
        String relative = relativePath(attachedFile, url);
        if (relative == null) {
            return new Result(false, NO_PATH);
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return new Result(false, NOT_FOUND.formatted(relative));
        }
        if (photos == null) {
            return new Result(true, null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return new Result(false, "could not be read from the uploads folder: " + relative);
        }
        PhotoIntake.Outcome outcome = photos.take(relative, bytes, alt, caption, BY);
        if (!outcome.isTaken()) {
            // The library names the file without its folder; the folder tells which of several same-named files.
            return new Result(false, relative + ": " + outcome.refusal());
        }
        if (wpId != null) {
            taken.put(wpId, outcome.mediaId());
        }
        return new Result(true, null);
    }

    /** Remembers a freshly imported story's featured image ({@code _thumbnail_id}, may be null). */
    public void featured(long articleId, String thumbnailId) {
        if (thumbnailId == null) {
            return;
        }
        try {
            featured.put(articleId, Long.parseLong(thumbnailId.strip()));
        } catch (NumberFormatException e) {
            // not an attachment id: there is nothing to show
        }
    }

    /** After the last item: each remembered story whose featured image was taken gets it as its lead photo. */
    public int leadPhotos() {
        int set = 0;
        for (var story : featured.entrySet()) {
            Long media = taken.get(story.getValue());
            if (media != null && photos != null) {
                leads.save(story.getKey(), Long.toString(media));
                set++;
            }
        }
        return set;
    }

    /** The file's path inside the uploads folder, or null when neither the meta nor the URL tells it. */
    static String relativePath(String attachedFile, String url) {
        if (attachedFile != null && !attachedFile.isBlank()) {
            return attachedFile.strip();
        }
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = uri.getPath();
        if (path == null) {
            return null;
        }
        int at = path.indexOf("/wp-content/uploads/");
        if (at >= 0) {
            return path.substring(at + "/wp-content/uploads/".length());
        }
        String host = uri.getHost();
        if (host != null && host.endsWith(".files.wordpress.com") && path.length() > 1) {
            return path.substring(1);
        }
        return null;
    }
}
