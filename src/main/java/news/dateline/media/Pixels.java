package news.dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/**
 * Pictures in memory as {@code TYPE_3BYTE_BGR}, three bytes a pixel: the JDK's JPEG reader hands them out so, its
 * writer reads such a raster row by row without a per-pixel conversion (from {@code INT_RGB} it took half the
 * worker's time, docs/benchmarks.md "Photos"), webp-imageio copies their bytes straight out, and they take three
 * quarters of an {@code INT_RGB}'s memory. The two steps that touch every pixel of the original, turning it upright
 * and the first halving, are done here over the bytes, in one pass, so a turned photo is never held twice at full
 * size.
 */
final class Pixels {

    private Pixels() {
    }

    static BufferedImage bgr(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** The picture as opaque {@code 3BYTE_BGR} (transparency laid on white, as the page's background is). */
    static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = bgr(image.getWidth(), image.getHeight());
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * The picture turned upright by an EXIF orientation (1 to 8) and reduced by {@code factor} (1 or 2) at once:
     * each pixel out is the mean of the {@code factor × factor} upright pixels it covers (at 2, a box filter, what
     * a bilinear draw at exactly half gives). The upright size is divided by the factor, rounding down.
     */
    static BufferedImage upright(BufferedImage source, int orientation, int factor) {
        if (factor != 1 && factor != 2) {
            throw new IllegalArgumentException("factor " + factor);
        }
        if ((orientation <= ExifOrientation.UPRIGHT || orientation > 8) && factor == 1) {
            return source;
        }
        BufferedImage in = opaque(source);
        int w = in.getWidth();
        int h = in.getHeight();
        boolean swaps = orientation >= 5 && orientation <= 8;
        int outW = (swaps ? h : w) / factor;
        int outH = (swaps ? w : h) / factor;
        // Where upright pixel (ux, uy) is in the source: sx = ax·ux + bx·uy + cx, sy = ay·ux + by·uy + cy.
        int ax = 1, bx = 0, cx = 0, ay = 0, by = 1, cy = 0;
        switch (orientation) {
            case 2 -> { ax = -1; cx = w - 1; }
            case 3 -> { ax = -1; cx = w - 1; by = -1; cy = h - 1; }
            case 4 -> { by = -1; cy = h - 1; }
            case 5 -> { ax = 0; bx = 1; ay = 1; by = 0; }
            case 6 -> { ax = 0; bx = 1; ay = -1; by = 0; cy = h - 1; }
            case 7 -> { ax = 0; bx = -1; cx = w - 1; ay = -1; by = 0; cy = h - 1; }
            case 8 -> { ax = 0; bx = -1; cx = w - 1; ay = 1; by = 0; }
            default -> { }
        }
        Layout from = Layout.of(in);
        byte[] src = from.data;
        BufferedImage out = bgr(Math.max(1, outW), Math.max(1, outH));
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        if (orientation <= ExifOrientation.UPRIGHT || orientation > 8) {
            halve(from, dst, out.getWidth(), out.getHeight());
            return out;
        }
        // One step across the upright picture moves this far in the source's bytes.
        int stepX = ax * 3 + ay * from.stride;
        int stepY = bx * 3 + by * from.stride;
        int origin = from.offset + cx * 3 + cy * from.stride;
        int o = 0;
        if (factor == 1) {
            for (int y = 0; y < outH; y++) {
                int at = origin + y * stepY;
                for (int x = 0; x < outW; x++, at += stepX) {
                    dst[o++] = src[at];
                    dst[o++] = src[at + 1];
                    dst[o++] = src[at + 2];
                }
            }
            return out;
        }
        for (int y = 0; y < outH; y++) {
            int at = origin + 2 * y * stepY;
            for (int x = 0; x < outW; x++, at += 2 * stepX) {
                int p = at;
                int q = at + stepX;
                int r = at + stepY;
                int s = r + stepX;
                for (int c = 0; c < 3; c++) {
                    dst[o++] = (byte) (((src[p + c] & 0xFF) + (src[q + c] & 0xFF) + (src[r + c] & 0xFF)
                            + (src[s + c] & 0xFF) + 2) >> 2);
                }
            }
        }
        return out;
    }

    /** Half the width and height (rounded down), each pixel the mean of the 2 × 2 it covers. */
    static BufferedImage halve(BufferedImage source) {
        BufferedImage in = opaque(source);
        BufferedImage out = bgr(Math.max(1, in.getWidth() / 2), Math.max(1, in.getHeight() / 2));
        halve(Layout.of(in), ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), out.getWidth(),
                out.getHeight());
        return out;
    }

    private static void halve(Layout from, byte[] dst, int outW, int outH) {
        byte[] src = from.data;
        // A source one pixel wide or high is averaged with itself rather than read past its edge.
        int right = from.width > 1 ? 3 : 0;
        int down = from.height > 1 ? from.stride : 0;
        int o = 0;
        for (int y = 0; y < outH; y++) {
            int row = from.offset + 2 * y * from.stride;
            for (int x = 0, at = row; x < outW; x++, at += 6) {
                int below = at + down;
                for (int c = 0; c < 3; c++) {
                    dst[o++] = (byte) (((src[at + c] & 0xFF) + (src[at + right + c] & 0xFF)
                            + (src[below + c] & 0xFF) + (src[below + right + c] & 0xFF) + 2) >> 2);
                }
            }
        }
    }

    /**
     * Where a {@code 3BYTE_BGR} picture's bytes are: its array, the index of pixel (0, 0)'s first byte and the bytes
     * per row. A sub-image (a crop) shares its parent's array, starting further in.
     */
    private record Layout(byte[] data, int offset, int stride, int width, int height) {
        static Layout of(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
            if (model.getPixelStride() != 3) {
                throw new IllegalArgumentException("not 3 bytes a pixel: " + image);
            }
            DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
            int stride = model.getScanlineStride();
            int offset = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
                    - raster.getSampleModelTranslateX() * 3;
            return new Layout(buffer.getData(), offset, stride, image.getWidth(), image.getHeight());
        }
    }
}
