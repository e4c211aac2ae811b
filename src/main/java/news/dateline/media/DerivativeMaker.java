package news.dateline.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import news.dateline.media.Encoders.Format;

/**
 * Every served file of one picture, made from its original: decoded, turned upright (EXIF orientation), then for
 * each crop cut around the focal point and scaled from the widest size down (each size from the one above, which is
 * both quicker and as sharp), each size written as JPEG and WebP from pixels alone.
 */
final class DerivativeMaker {

    /** One derivative, not yet stored. */
    record Made(Crop crop, Format format, int width, int height, byte[] bytes) {
    }

    private DerivativeMaker() {
    }

    static List<Made> make(byte[] original, ImageType type, int focalX, int focalY)
            throws IOException, Pictures.Unreadable {
        BufferedImage upright = upright(original, type);
        List<Made> made = new ArrayList<>();
        for (Crop crop : Crop.values()) {
            int[] r = crop.region(upright.getWidth(), upright.getHeight(), focalX, focalY);
            BufferedImage region = upright.getSubimage(r[0], r[1], r[2], r[3]);
            List<Integer> widths = new ArrayList<>(crop.widthsFor(r[2]));
            widths.sort((a, b) -> b - a);
            BufferedImage previous = region;
            for (int width : widths) {
                BufferedImage scaled = crop == Crop.SHARE
                        ? Scaler.to(previous, width, Math.max(1, (int) Math.round(width * 630.0 / 1200)))
                        : Scaler.toWidth(previous, width);
                for (Format format : Format.values()) {
                    made.add(new Made(crop, format, scaled.getWidth(), scaled.getHeight(),
                            Encoders.encode(scaled, format)));
                }
                previous = scaled;
            }
        }
        return made;
    }

    /** The picture decoded and standing as the camera meant it. */
    static BufferedImage upright(byte[] original, ImageType type) throws Pictures.Unreadable {
        BufferedImage decoded = Pictures.decode(original, type, 1);
        return type == ImageType.JPEG ? ExifOrientation.apply(decoded, ExifOrientation.of(original)) : decoded;
    }
}
