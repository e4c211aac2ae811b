package news.dateline.media;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import news.dateline.media.MediaStore.Area;
import news.dateline.platform.Refusal;
import news.dateline.story.photo.PhotoIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Taking a picture into the library. Everything that can refuse it is checked before anything is stored, from the
 * cheapest up: the size, the type from the first bytes (SVG refused), the pixel count from the header alone (so a
 * decompression bomb is never decoded), the file's proper end, then one reduced decode of the whole file (a damaged
 * or truncated picture fails here, not in the background). Only then is the original kept (privately, named by its
 * SHA-256: identical uploads are one file and one item) and its derivatives queued.
 */
@Service
class MediaLibrary implements PhotoIntake {

    static final int MAX_TEXT = 2000;
    /** The validating decode reads every n-th pixel so that it holds at most this many in memory. */
    private static final long CHECK_PIXELS = 4_000_000;
    private static final java.time.Duration STORE_RETRY = java.time.Duration.ofMinutes(1);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaLibrary.class);

    /** An upload as received: the name the sender gave it, its bytes, and what they said about it. */
    record Upload(String filename, byte[] bytes, String alt, String caption, String credit, String uploadedBy) {
    }

    /** The item the upload is (new, or the one these bytes already were). */
    record Taken(MediaItem item, boolean added) {
    }

    private final MediaRepository repository;
    private final MediaStore store;
    private final DerivativeQueue queue;
    private final MediaProperties properties;
    private final Clock clock;

    MediaLibrary(MediaRepository repository, MediaStore store, DerivativeQueue queue, MediaProperties properties,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    Taken upload(Upload upload) {
        String name = displayName(upload.filename());
        byte[] bytes = upload.bytes();
        Checked checked = check(name, bytes);
        for (var text : Map.of("alt", text(upload.alt()), "caption", text(upload.caption()),
                "credit", text(upload.credit())).entrySet()) {
            if (text.getValue().length() > MAX_TEXT) {
                throw Refusal.invalid(Map.of(text.getKey(), MediaMessages.TOO_LONG.formatted(MAX_TEXT)));
            }
        }
        String sha256 = sha256(bytes);
        try {
            store.put(Area.ORIGINALS, sha256 + "." + checked.type().extension(), bytes);
        } catch (IOException e) {
            // Before any row: the library has nothing of it, and the same bytes are taken when sent again.
            log.warn("The original of {} could not be stored: {}", name, e.getMessage());
            String message = MediaMessages.STORE_AWAY.formatted(name);
            throw Refusal.unavailable(message, Map.of("file", message), STORE_RETRY);
        }
        var added = repository.insert(sha256, name, checked.type().contentType(), bytes.length, checked.width(),
                checked.height(), text(upload.alt()), text(upload.caption()), text(upload.credit()),
                text(upload.uploadedBy()), clock.instant());
        MediaItem item = repository.findBySha256(sha256).orElseThrow();
        if (added.isPresent()) {
            long id = item.id();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // Taken inside a longer transaction (an import): the worker must find the row committed.
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        queue.submit(id);
                    }
                });
            } else {
                queue.submit(id);
            }
        }
        return new Taken(item, added.isPresent());
    }

    @Override
    public Outcome take(String filename, byte[] bytes, String alt, String caption, String uploadedBy) {
        try {
            return Outcome.taken(upload(new Upload(filename, bytes, alt, caption, "", uploadedBy)).item().id());
        } catch (Refusal refused) {
            return Outcome.refused(refused.getMessage());
        }
    }

    /** What the checks learnt: the type, and the upright picture's size. */
    record Checked(ImageType type, int width, int height) {
    }

    /** Every refusal an upload can meet, before anything is stored. */
    Checked check(String name, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw refuse(MediaMessages.EMPTY.formatted(name));
        }
        DataSize max = properties.maxSize();
        if (bytes.length > max.toBytes()) {
            throw refuse(MediaMessages.TOO_LARGE.formatted(name, megabytes(bytes.length), megabytes(max.toBytes())));
        }
        if (ImageType.isSvg(bytes)) {
            throw refuse(MediaMessages.SVG.formatted(name));
        }
        ImageType type = ImageType.of(bytes);
        if (type == null) {
            throw refuse(MediaMessages.NOT_AN_IMAGE.formatted(name, ImageType.describe(bytes)));
        }
        Pictures.Size size;
        try {
            size = Pictures.size(bytes, type);
        } catch (Pictures.Unreadable e) {
            throw refuse(MediaMessages.CORRUPT.formatted(name, e.getMessage()));
        }
        if (size.pixels() > properties.maxPixels()) {
            throw refuse(MediaMessages.TOO_MANY_PIXELS.formatted(name, size.width(), size.height(),
                    size.pixels() / 1e6, properties.maxPixels() / 1e6));
        }
        if (!Pictures.endsProperly(bytes, type)) {
            throw refuse(MediaMessages.CORRUPT.formatted(name, "the file stops before the picture ends"));
        }
        try {
            int subsampling = (int) Math.max(1, Math.ceil(Math.sqrt((double) size.pixels() / CHECK_PIXELS)));
            Pictures.read(bytes, type, subsampling);
        } catch (Pictures.Unreadable e) {
            throw refuse(MediaMessages.CORRUPT.formatted(name, e.getMessage()));
        }
        boolean turned = type == ImageType.JPEG && ExifOrientation.of(bytes) >= 5;
        return new Checked(type, turned ? size.height() : size.width(), turned ? size.width() : size.height());
    }

    private static Refusal refuse(String message) {
        return Refusal.invalid(message, Map.of("file", message));
    }

    /** The sender's file name without any folder part, for messages and the library's list. */
    static String displayName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "the upload";
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        return name.isEmpty() ? "the upload" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%d KB", Math.max(1, bytes / 1024))
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
