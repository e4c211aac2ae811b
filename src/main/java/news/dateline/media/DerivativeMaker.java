package news.dateline.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import news.dateline.media.Encoders.Format;

/**
 * Every served file of one picture, made from its original: decoded, then turned upright (EXIF orientation) and
 * halved in the same pass as far as every crop's first step allows (a 6000 × 4000 photo becomes a 3000 × 2000
 * base), so the full-size pixels are let go after one pass. Each crop is cut from that base around the focal point
 * and scaled from its widest size down (each size from the one above, which is both quicker and as sharp), each
 * size written as JPEG and WebP from pixels alone.
 */
final class DerivativeMaker {

    /** One derivative, not yet stored. */
    record Made(Crop crop, Format format, int width, int height, byte[] bytes) {
    }

    private DerivativeMaker() {
    }

    static List<Made> make(byte[] original, ImageType type, int focalX, int focalY)
            throws IOException, Pictures.Unreadable {
        Base base = base(original, type, focalX, focalY);
        BufferedImage pixels = base.pixels();
        List<Made> made = new ArrayList<>();
        for (Crop crop : Crop.values()) {
            List<Integer> widths = new ArrayList<>(
                    crop.widthsFor(crop.region(base.width(), base.height(), focalX, focalY)[2]));
            widths.sort((a, b) -> b - a);
            int[] r = crop.region(pixels.getWidth(), pixels.getHeight(), focalX, focalY);
            BufferedImage previous = pixels.getSubimage(r[0], r[1], r[2], r[3]);
            for (int width : widths) {
                BufferedImage scaled = Scaler.to(previous, width, height(crop, previous, width));
                for (Format format : Format.values()) {
                    made.add(new Made(crop, format, scaled.getWidth(), scaled.getHeight(),
                            Encoders.encode(scaled, format)));
                }
                previous = scaled;
            }
        }
        return made;
    }

    /** What the crops are cut from: the upright pixels, maybe halved, and the upright picture's full size. */
    record Base(BufferedImage pixels, int width, int height) {
    }

    /**
     * The picture upright, halved as often as every crop's widest size allows (the halving {@link Scaler} would do
     * first anyway), made in one pass over the decoded pixels, which are then no longer referenced.
     */
    static Base base(byte[] original, ImageType type, int focalX, int focalY) throws Pictures.Unreadable {
        BufferedImage decoded = Pictures.decode(original, type, 1);
        int orientation = type == ImageType.JPEG ? ExifOrientation.of(original) : ExifOrientation.UPRIGHT;
        boolean swaps = orientation >= 5 && orientation <= 8;
        int width = swaps ? decoded.getHeight() : decoded.getWidth();
        int height = swaps ? decoded.getWidth() : decoded.getHeight();
        int halvings = Integer.MAX_VALUE;
        for (Crop crop : Crop.values()) {
            int[] r = crop.region(width, height, focalX, focalY);
            int widest = crop.widthsFor(r[2]).stream().mapToInt(Integer::intValue).max().orElseThrow();
            halvings = Math.min(halvings, Scaler.halvings(r[2], r[3], widest, height(crop, r[2], r[3], widest)));
        }
        BufferedImage base = Pixels.upright(decoded, orientation, halvings > 0 ? 2 : 1);
        decoded = null; // the full-size pixels: garbage from here on
        for (int i = 1; i < halvings; i++) {
            base = Pixels.halve(base);
        }
        return new Base(base, width, height);
    }

    private static int height(Crop crop, BufferedImage from, int width) {
        return height(crop, from.getWidth(), from.getHeight(), width);
    }

    private static int height(Crop crop, int fromWidth, int fromHeight, int width) {
        return crop == Crop.SHARE ? Math.max(1, (int) Math.round(width * 630.0 / 1200))
                : Math.max(1, (int) Math.round((double) fromHeight * width / fromWidth));
    }
}
