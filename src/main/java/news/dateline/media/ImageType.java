package news.dateline.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The kinds of picture the library takes, told by their first bytes and never by the file's name or the type the
 * browser claims: a PDF renamed {@code .jpg} is still a PDF.
 */
enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** The type these bytes start with, or null. */
    static ImageType of(byte[] bytes) {
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
            return GIF;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return WEBP;
        }
        return null;
    }

    /** What the bytes look like instead, for the refusal ("a PDF document"). */
    static String describe(byte[] bytes) {
        if (ascii(bytes, 0, "%PDF")) {
            return "it is a PDF document";
        }
        if (starts(bytes, 'P', 'K', 3, 4)) {
            return "it is a ZIP archive (or an Office document)";
        }
        if (ascii(bytes, 4, "ftyp")) {
            String brand = new String(bytes, 8, Math.min(4, Math.max(0, bytes.length - 8)), StandardCharsets.US_ASCII);
            return brand.startsWith("he") || brand.startsWith("mif") ? "it is a HEIC photo, which we cannot read yet "
                    + "(export it as JPEG)" : "it is a video or other MP4-family file";
        }
        if (ascii(bytes, 0, "BM")) {
            return "it is a BMP bitmap (save it as PNG)";
        }
        if (starts(bytes, 'I', 'I', 42, 0) || starts(bytes, 'M', 'M', 0, 42)) {
            return "it is a TIFF file (save it as JPEG or PNG)";
        }
        return "its contents are not a JPEG, PNG, GIF or WebP picture";
    }

    /** An SVG drawing (XML that opens an {@code <svg>} element), refused with its own explanation. */
    static boolean isSvg(byte[] bytes) {
        int length = Math.min(bytes.length, 4096);
        String head = new String(bytes, 0, length, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return head.stripLeading().startsWith("<") && head.contains("<svg");
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        if (bytes.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
