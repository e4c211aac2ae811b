package news.dateline.media;

import java.time.Instant;

/**
 * A picture in the library as the newsroom describes it. {@code width} and {@code height} are the upright picture's
 * (after EXIF orientation); the focal point is in thousandths from the top left.
 */
public record MediaItem(long id, String sha256, String filename, String contentType, long byteSize, int width, int height,
        String alt, String caption, String credit, String source, String copyright, int focalX, int focalY,
        String state, int attempts, String failure, String uploadedBy, Instant createdAt, Instant updatedAt) {

    static final String PENDING = "pending";
    static final String READY = "ready";
    static final String FAILED = "failed";

    /** The private file the upload is kept in. */
    String originalName() {
        return sha256 + "." + ImageType.valueOf(typeName()).extension();
    }

    ImageType type() {
        return ImageType.valueOf(typeName());
    }

    private String typeName() {
        return switch (contentType) {
            case "image/png" -> "PNG";
            case "image/gif" -> "GIF";
            case "image/webp" -> "WEBP";
            default -> "JPEG";
        };
    }
}
