package news.dateline.interchange.uploads;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.PhotoArchive;
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

    /**
     * What became of one file: taken (or, in a dry run, found), or the problem for the summary; a file already
     * reported is neither taken nor reported again (problem null).
     */
    public record Result(boolean taken, String problem, Long mediaId) {

        static Result taken(Long mediaId) {
            return new Result(true, null, mediaId);
        }

        static Result problem(String problem) {
            return new Result(false, problem, null);
        }
    }

    /** A picture's address in a WordPress body: under wp-content/uploads, or a WordPress.com site's files host. */
    private static final Pattern IN_BODY = Pattern.compile(
            "(?:https?:)?//[^\\s\"'<>()\\[\\]]+?(?:/wp-content/uploads/|\\.files\\.wordpress\\.com/)"
                    + "([^\\s\"'<>()\\[\\]?#]+\\.(?i:jpe?g|png|gif|webp))(?:\\?[^\\s\"'<>()\\[\\]#]*)?");
    /** WordPress's resized copies: {@code photo-300x200.jpg} beside {@code photo.jpg}. */
    private static final Pattern SIZED = Pattern.compile("-\\d+x\\d+(?=\\.[A-Za-z]+$)");
    /** The library's stable address of an item (media's MediaFileController answers it with its picture). */
    static final String LIBRARY = "/media/library/%d.jpg";

    private final Path root;
    /** Null in a dry run: files are looked for, not stored. */
    private final PhotoIntake photos;
    private final LeadPhotoDesk leads;
    /** Null in a dry run, and where the rest of a picture's description is not wanted. */
    private final PhotoArchive archive;
    /** WordPress attachment id → library item. */
    private final Map<Long, Long> taken = new LinkedHashMap<>();
    /** Path in the folder → library item (null in a dry run), so a file used by many posts is read once. */
    private final Map<String, Long> byPath = new HashMap<>();
    /** Files already named in the summary as not taken. */
    private final Set<String> reported = new HashSet<>();
    /** Imported story → its featured image's WordPress attachment id. */
    private final Map<Long, Long> featured = new LinkedHashMap<>();
    /** Every attachment of the export, read before the posts (galleries name attachments by id). */
    private final Map<Long, Attachment> attachments = new HashMap<>();
    /** The same attachments by their file's path in the folder, for a body's picture met before its attachment. */
    private final Map<String, Attachment> byFile = new HashMap<>();

    /**
     * An attachment as the export describes it: what a gallery needs before the attachment's own item is read.
     * {@code parent} is the post it was uploaded to (0 for none), {@code menuOrder} its place in that post's
     * gallery.
     */
    public record Attachment(long wpId, long parent, int menuOrder, String title, String date, String attachedFile,
            String url, String alt, String caption, Long libraryId) {

        /** Whether its file is a picture (a gallery shows only those, as WordPress's does). */
        public boolean isPicture() {
            String name = attachedFile != null && !attachedFile.isBlank() ? attachedFile : url == null ? "" : url;
            return PICTURE_NAME.matcher(name.strip()).find();
        }
    }

    private static final Pattern PICTURE_NAME = Pattern.compile("(?i)\\.(jpe?g|png|gif|webp)(\\?.*)?$");

    public UploadsFolder(Path root, PhotoIntake photos, LeadPhotoDesk leads) {
        this(root, photos, leads, null);
    }

    public UploadsFolder(Path root, PhotoIntake photos, LeadPhotoDesk leads, PhotoArchive archive) {
        this.root = root.toAbsolutePath().normalize();
        this.photos = photos;
        this.leads = leads;
        this.archive = archive;
    }

    /** The attachment that was the library picture of that number on the site that wrote the export (ours). */
    public java.util.Optional<Attachment> byLibraryId(long libraryId) {
        return attachments.values().stream().filter(a -> a.libraryId() != null && a.libraryId() == libraryId)
                .findFirst();
    }

    /**
     * Gives a taken picture the rest of what our own export says of it (credit, source, copyright, focal point);
     * the library keeps what it already knew of the same bytes.
     */
    public void describe(long mediaId, String credit, String source, String copyright, int focalX, int focalY) {
        if (archive != null && photos != null) {
            archive.describe(mediaId, credit, source, copyright, focalX, focalY);
        }
    }

    /** Remembers one attachment of the export (the first reading, before the posts). */
    public void know(Attachment attachment) {
        if (attachments.putIfAbsent(attachment.wpId(), attachment) != null) {
            return;
        }
        // by the path it is taken from, and by its URL's (a body names the file by its address)
        for (String path : new String[] {relativePath(attachment.attachedFile(), attachment.url()),
                relativePath(null, attachment.url())}) {
            if (path != null) {
                byFile.putIfAbsent(path, attachment);
            }
        }
    }

    /** The export's attachment of that WordPress id, if the export has one. */
    public java.util.Optional<Attachment> known(long wpId) {
        return java.util.Optional.ofNullable(attachments.get(wpId));
    }

    /** The pictures uploaded to a post, in WordPress's default gallery order (menu order, then id). */
    public List<Attachment> attachedTo(long parent) {
        return attachments.values().stream().filter(a -> a.parent() == parent && a.isPicture())
                .sorted(java.util.Comparator.comparingInt(Attachment::menuOrder).thenComparingLong(Attachment::wpId))
                .toList();
    }

    /** Takes a known attachment's file now (a gallery needs it before the attachment's own item comes). */
    public Result picture(Attachment a) {
        return attachment(a.wpId(), a.attachedFile(), a.url(), a.alt(), a.caption());
    }

    /**
     * The picture at a body's address under the uploads folder (a gallery block's image without a known id), or
     * a result with neither item nor problem when the address is not one of the folder's.
     */
    public Result atAddress(String address) {
        Matcher matcher = IN_BODY.matcher(address == null ? "" : address.strip());
        return matcher.matches() ? inBody(matcher.group(1), "") : new Result(false, null, null);
    }

    public Result attachment(Long wpId, String attachedFile, String url, String alt, String caption) {
        String relative = relativePath(attachedFile, url);
        if (relative == null) {
            return Result.problem(NO_PATH);
        }
        Result result = take(relative, alt, caption);
        if (result.mediaId() != null && wpId != null) {
            taken.put(wpId, result.mediaId());
        }
        return result;
    }

    /** What became of a body's pictures, and the body with each taken one at its library address. */
    public record Rewritten(String html, List<String> problems) {
    }

    /**
     * Points each picture of {@code html} that is under the uploads folder at the library's copy (taken now if the
     * attachment has not come yet: exports list attachments after the posts), WordPress's resized copies
     * ({@code -300x200}) at the original when it is there. Pictures not found keep their address.
     */
    public Rewritten rewrite(String html) {
        if (html == null || html.isEmpty()) {
            return new Rewritten(html, List.of());
        }
        List<String> problems = new ArrayList<>();
        // Each <img> first: where its attachment has no alt text, the body's describes the picture; an empty one
        // is filled with the attachment's. Then every other address (links to the file) as the picture it names.
        html = BodyImages.each(html, image -> image(image, problems));
        Matcher matcher = IN_BODY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Result result = inBody(matcher.group(1), "");
            if (result.problem() != null) {
                problems.add(result.problem());
            }
            String replacement = result.mediaId() == null ? matcher.group() : LIBRARY.formatted(result.mediaId());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return new Rewritten(out.toString(), problems);
    }

    /** One {@code <img>} tag of a body, pointed at the library's copy when its file was taken. */
    private String image(BodyImages.Tag image, List<String> problems) {
        Matcher address = IN_BODY.matcher(image.src() == null ? "" : image.src().strip());
        if (!address.matches()) {
            return image.html();
        }
        String relative = inFolder(address.group(1));
        Result result = inBody(address.group(1), image.alt() == null ? "" : image.alt());
        if (result.problem() != null) {
            problems.add(result.problem());
        }
        if (result.mediaId() == null) {
            return image.html();
        }
        String alt = image.alt();
        Attachment attachment = byFile.get(relative);
        if ((alt == null || alt.isBlank()) && attachment != null && !attachment.alt().isBlank()) {
            alt = attachment.alt();
        }
        return image.with(LIBRARY.formatted(result.mediaId()), alt);
    }

    /**
     * A body's picture, by its path in the folder as its address gives it (a resized copy as its original), with
     * its attachment's alt text and caption when the export has one for the file (read before the posts): the
     * body's alt text only where the attachment has none.
     */
    private Result inBody(String encoded, String bodyAlt) {
        String relative = inFolder(encoded);
        Attachment attachment = byFile.get(relative);
        String alt = attachment != null && !attachment.alt().isBlank() ? attachment.alt() : bodyAlt;
        return take(relative, alt == null ? "" : alt.strip(), attachment == null ? "" : attachment.caption());
    }

    /** The path a body's address names in the folder: a resized copy's original when that is there. */
    private String inFolder(String encoded) {
        String relative = java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
        String original = SIZED.matcher(relative).replaceFirst("");
        Path originalFile = inside(original);
        return !original.equals(relative) && originalFile != null && Files.isRegularFile(originalFile)
                ? original : relative;
    }

    private Result take(String relative, String alt, String caption) {
        if (byPath.containsKey(relative)) {
            return Result.taken(byPath.get(relative));
        }
        if (reported.contains(relative)) {
            return new Result(false, null, null);
        }
        Result result = read(relative, alt, caption);
        if (result.taken()) {
            byPath.put(relative, result.mediaId());
        } else {
            reported.add(relative);
        }
        return result;
    }

    private Result read(String relative, String alt, String caption) {
        Path file = inside(relative);
        if (file == null || !Files.isRegularFile(file)) {
            return Result.problem(NOT_FOUND.formatted(relative));
        }
        if (photos == null) {
            return Result.taken(null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return Result.problem("could not be read from the uploads folder: " + relative);
        }
        PhotoIntake.Outcome outcome = photos.take(relative, bytes, alt, caption, BY);
        if (!outcome.isTaken()) {
            // The library names the file without its folder; the folder tells which of several same-named files.
            return Result.problem(relative + ": " + outcome.refusal());
        }
        return Result.taken(outcome.mediaId());
    }

    /** The file in the folder, or null for a path that would leave it ({@code ..}, an absolute path). */
    private Path inside(String relative) {
        Path file;
        try {
            file = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return file.startsWith(root) ? file : null;
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
