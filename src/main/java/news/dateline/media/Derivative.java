package news.dateline.media;

import news.dateline.media.Encoders.Format;

/** A served file of an item: a crop at one width in one format, at an address that names its own bytes. */
public record Derivative(Crop crop, Format format, int width, int height, String sha256, long byteSize) {

    /** The file's name in the public area, and the last part of its address. */
    String name() {
        return sha256 + "." + format.extension();
    }

    public String url() {
        return MediaFileController.PREFIX + name();
    }
}
