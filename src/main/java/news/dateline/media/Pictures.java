package news.dateline.media;

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
 * Reading pictures with ImageIO: a plain JPEG (8-bit YCbCr, baseline or progressive, no ICC profile, no Adobe
 * segment: what cameras and phones write) with the JDK's own reader (libjpeg), which hands its rows straight to a
 * {@code 3BYTE_BGR} image; every other JPEG (CMYK, YCCK, odd ICC profiles) with TwelveMonkeys' reader, which wraps
 * the same decoder but copies each row once more and converts colour; PNG and GIF with the JDK's readers, WebP with
 * libwebp's (docs/media.md, "Choices"). The size comes from the header alone, so the pixel limit is checked before
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
        return Pixels.opaque(read(bytes, type, subsampling));
    }

    /** The first frame as the reader gives it (any type; the upload check only wants to see it read whole). */
    static BufferedImage read(byte[] bytes, ImageType type, int subsampling) throws Unreadable {
        return withReader(bytes, type, reader -> {
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
            ImageReader reader = reader(bytes, type);
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

    /** The JDK's JPEG reader's class: found among ImageIO's readers by name, as it is not exported. */
    static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    private static ImageReader reader(byte[] bytes, ImageType type) throws Unreadable {
        ImageReader chosen = null;
        boolean wantJdk = type == ImageType.JPEG && isPlainJpeg(bytes);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
        while (readers.hasNext()) {
            ImageReader next = readers.next();
            boolean jdk = next.getClass().getName().equals(JDK_JPEG_READER);
            if (chosen == null && (type != ImageType.JPEG || jdk == wantJdk)) {
                chosen = next;
            } else {
                next.dispose();
            }
        }
        if (chosen == null) {
            readers = ImageIO.getImageReadersByMIMEType(type.contentType()); // whichever there is
            if (!readers.hasNext()) {
                throw new Unreadable("no reader for " + type.contentType() + " is installed");
            }
            chosen = readers.next();
        }
        return chosen;
    }

    /**
     * Whether a JPEG is one the JDK's reader decodes as well as TwelveMonkeys': 8-bit, three components numbered
     * 1-2-3 (YCbCr), a baseline, extended or progressive Huffman frame, and no ICC profile (APP2) or Adobe (APP14)
     * segment, which would ask for colour conversion. Anything else, or anything unexpected, is not plain.
     */
    static boolean isPlainJpeg(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || marker == 0xD9 || length < 2 || at + 2 + length > jpeg.length) {
                return false; // a scan before any frame header, or a segment that runs off the end
            }
            if (marker == 0xE2 && startsWith(jpeg, at + 4, "ICC_PROFILE") || marker == 0xEE) {
                return false;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                boolean huffman = marker == 0xC0 || marker == 0xC1 || marker == 0xC2;
                int components = length >= 8 ? jpeg[at + 9] & 0xFF : 0;
                if (!huffman || (jpeg[at + 4] & 0xFF) != 8 || components != 3 || length < 8 + 3 * components) {
                    return false;
                }
                for (int c = 0; c < 3; c++) {
                    if ((jpeg[at + 10 + 3 * c] & 0xFF) != c + 1) {
                        return false;
                    }
                }
                return true;
            }
            at += 2 + length;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        if (at + ascii.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
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
