package news.dateline.media;

import java.util.List;

/**
 * The shapes a picture is served in, each at several widths: its own shape for the article and inline images, the
 * three ratios Google asks of {@code NewsArticle.image} (at least 1200 pixels wide), and the 1200 × 630 card that
 * social sites show. A crop is cut around the item's focal point.
 */
enum Crop {
    FULL("full", 0, 0, List.of(320, 640, 960, 1280, 1600, 2048)),
    WIDE("16x9", 16, 9, List.of(320, 640, 1200)),
    STANDARD("4x3", 4, 3, List.of(320, 640, 1200)),
    SQUARE("1x1", 1, 1, List.of(320, 640, 1200)),
    SHARE("share", 1200, 630, List.of(1200));

    private final String code;
    private final int ratioWidth;
    private final int ratioHeight;
    private final List<Integer> widths;

    Crop(String code, int ratioWidth, int ratioHeight, List<Integer> widths) {
        this.code = code;
        this.ratioWidth = ratioWidth;
        this.ratioHeight = ratioHeight;
        this.widths = widths;
    }

    String code() {
        return code;
    }

    List<Integer> widths() {
        return widths;
    }

    static Crop fromCode(String code) {
        for (Crop crop : values()) {
            if (crop.code.equals(code)) {
                return crop;
            }
        }
        throw new IllegalArgumentException("No crop " + code);
    }

    /**
     * The rectangle {x, y, width, height} of a {@code width} × {@code height} picture that this crop keeps: as
     * large as the shape allows, centred on the focal point (thousandths) and moved back inside the picture.
     */
    int[] region(int width, int height, int focalX, int focalY) {
        if (this == FULL) {
            return new int[] {0, 0, width, height};
        }
        int w = width;
        int h = (int) Math.round((double) width * ratioHeight / ratioWidth);
        if (h > height) {
            h = height;
            w = Math.max(1, (int) Math.round((double) height * ratioWidth / ratioHeight));
        }
        int x = clamp((int) Math.round(width * focalX / 1000.0 - w / 2.0), 0, width - w);
        int y = clamp((int) Math.round(height * focalY / 1000.0 - h / 2.0), 0, height - h);
        return new int[] {x, y, Math.max(1, w), Math.max(1, h)};
    }

    /** The widths to make from a region {@code available} pixels wide: none wider, but at least one. */
    List<Integer> widthsFor(int available) {
        List<Integer> fitting = widths.stream().filter(w -> w <= available).toList();
        return fitting.isEmpty() ? List.of(available) : fitting;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
