package news.dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import news.dateline.media.Encoders.Format;

/**
 * The derivative maker as it was before the work on its speed (commit 20b8bbf): TwelveMonkeys' reader, an
 * {@code INT_RGB} copy of the whole picture, a Java2D turn, every crop cut from the full-size picture and halved by
 * Java2D. Kept for {@link MediaDerivativesBenchmark} only, which runs it interleaved with the current maker in one
 * JVM so that the two are measured under the same load.
 */
final class DerivativesBefore {

    private DerivativesBefore() {
    }

    static List<DerivativeMaker.Made> make(byte[] original, int focalX, int focalY) throws IOException {
        BufferedImage upright = turn(intRgb(readWithTwelveMonkeys(original)), ExifOrientation.of(original));
        List<DerivativeMaker.Made> made = new ArrayList<>();
        for (Crop crop : Crop.values()) {
            int[] r = crop.region(upright.getWidth(), upright.getHeight(), focalX, focalY);
            BufferedImage region = upright.getSubimage(r[0], r[1], r[2], r[3]);
            List<Integer> widths = new ArrayList<>(crop.widthsFor(r[2]));
            widths.sort((a, b) -> b - a);
            BufferedImage previous = region;
            for (int width : widths) {
                int height = crop == Crop.SHARE ? Math.max(1, (int) Math.round(width * 630.0 / 1200))
                        : Math.max(1, (int) Math.round((double) previous.getHeight() * width / previous.getWidth()));
                BufferedImage scaled = scale(previous, width, height);
                for (Format format : Format.values()) {
                    made.add(new DerivativeMaker.Made(crop, format, scaled.getWidth(), scaled.getHeight(),
                            Encoders.encode(scaled, format)));
                }
                previous = scaled;
            }
        }
        return made;
    }

    /** The first reader ImageIO offers for JPEG: TwelveMonkeys', whatever the file. */
    static BufferedImage readWithTwelveMonkeys(byte[] jpeg) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = ImageIO.getImageReadersByMIMEType("image/jpeg").next();
            if (reader.getClass().getName().equals(Pictures.JDK_JPEG_READER)) {
                throw new IllegalStateException("TwelveMonkeys' reader is not the first JPEG reader");
            }
            try {
                reader.setInput(input, true, true);
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        }
    }

    static BufferedImage intRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    static BufferedImage turn(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(-Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { }
        }
        boolean swaps = orientation >= 5;
        BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    private static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }
}
