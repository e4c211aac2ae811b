package news.dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading pictures with ImageIO (TwelveMonkeys' JPEG reader, the JDK's PNG and GIF readers, libwebp's WebP reader,
 * all found by ImageIO's service lookup). The size comes from the header alone, so the pixel limit is checked before
 * anything is decoded; a reader's warning that the data ended early or is corrupt is a failure, not a grey band.
 */
final class Pictures {

    /** A picture that cannot be read; the message says why, in words for the person who sent it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    record Size(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    private Pictures() {
    }

    static {
        ImageIO.setUseCache(false); // decode in memory: no temporary files per upload
        ImageIO.scanForPlugins();
    }

    /** Width and height from the header, nothing decoded. */
    static Size size(byte[] bytes, ImageType type) throws Unreadable {
        return withReader(bytes, type, reader -> new Size(reader.getWidth(0), reader.getHeight(0)));
    }

    /**
     * The whole first frame, decoded, as opaque RGB (transparency laid on white, as the page's background is).
     * {@code subsampling} above 1 reads every n-th pixel: the whole file is still read, at a fraction of the memory.
     */
    static BufferedImage decode(byte[] bytes, ImageType type, int subsampling) throws Unreadable {
        BufferedImage image = withReader(bytes, type, reader -> {
            StringBuilder warnings = new StringBuilder();
            reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                @Override
                public void warningOccurred(ImageReader source, String warning) {
                    warnings.append(warning).append("; ");
                }
            });
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage read = reader.read(0, param);
            String said = warnings.toString().toLowerCase(Locale.ROOT);
            if (said.contains("premature") || said.contains("corrupt") || said.contains("truncat")) {
                throw new IOException(warnings.toString().replaceAll("; $", ""));
            }
            return read;
        });
        return opaque(image);
    }

    static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
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

    /** Whether the file ends as its format says a whole file ends (JPEG: EOI; PNG: the IEND chunk; GIF: 0x3B). */
    static boolean endsProperly(byte[] bytes, ImageType type) {
        int n = bytes.length;
        return switch (type) {
            case JPEG -> lastIndexOf(bytes, 0xFF, 0xD9) >= 2;
            case PNG -> n >= 12 && bytes[n - 8] == 'I' && bytes[n - 7] == 'E' && bytes[n - 6] == 'N'
                    && bytes[n - 5] == 'D';
            case GIF -> lastIndexOf(bytes, 0x3B) > 12;
            case WEBP -> n >= 12 && riffLength(bytes) + 8 <= n;
        };
    }

    private interface Reading<T> {
        T read(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] bytes, ImageType type, Reading<T> reading) throws Unreadable {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
            if (!readers.hasNext()) {
                throw new Unreadable("no reader for " + type.contentType() + " is installed");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true); // metadata ignored: nothing of it is wanted
                return reading.read(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Unreadable(message.length() > 200 ? message.substring(0, 200) + "…" : message);
        }
    }

    /** Last place (within the final 64 KB, where cameras put trailers) these bytes occur, or -1. */
    private static int lastIndexOf(byte[] bytes, int... pattern) {
        int stop = Math.max(0, bytes.length - 65536);
        for (int i = bytes.length - pattern.length; i >= stop; i--) {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++) {
                match = (bytes[i + j] & 0xFF) == pattern[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static long riffLength(byte[] b) {
        return (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
    }
}
