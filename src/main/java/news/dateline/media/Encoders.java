package news.dateline.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import com.luciad.imageio.webp.WebPWriteParam;

/**
 * Writing derivatives from pixels alone: the writers get a bare {@link BufferedImage} and no metadata, so no EXIF,
 * XMP, IPTC or ICC block of the upload can reach a served file (JPEG gets the JFIF header only). Progressive JPEG
 * at quality 0.82; lossy WebP (libwebp, shipped in the webp-imageio jar) at 0.80, effort {@link #WEBP_METHOD}.
 */
final class Encoders {

    enum Format {
        JPEG("jpeg", "jpg", "image/jpeg", 0.82f),
        WEBP("webp", "webp", "image/webp", 0.80f);

        private final String code;
        private final String extension;
        private final String contentType;
        private final float quality;

        Format(String code, String extension, String contentType, float quality) {
            this.code = code;
            this.extension = extension;
            this.contentType = contentType;
            this.quality = quality;
        }

        String code() {
            return code;
        }

        String extension() {
            return extension;
        }

        String contentType() {
            return contentType;
        }

        static Format fromCode(String code) {
            return code.equals("webp") ? WEBP : JPEG;
        }
    }

    /**
     * libwebp's effort, 0 (fastest) to 6; its default is 4. At 3 and above it adds rate-distortion optimisation that
     * cost a 24 MP photo's 16 sizes 1.8 s of CPU against 0.63 s at 2, for files 1 % larger, not smaller, at the same
     * quality setting (docs/benchmarks.md, "Photos"): half of all the work of a photo, for nothing a reader sees.
     */
    static final int WEBP_METHOD = 2;

    private Encoders() {
    }

    static byte[] encode(BufferedImage image, Format format) throws IOException {
        ImageWriter writer = writer(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(8192, image.getWidth() * image.getHeight() / 8));
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (format == Format.WEBP) {
                param.setCompressionType(param.getCompressionTypes()[0]); // "Lossy"
                if (param instanceof WebPWriteParam webp) {
                    webp.setMethod(WEBP_METHOD);
                }
            } else {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            param.setCompressionQuality(format.quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writer(Format format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IOException("No " + format.contentType() + " writer is installed");
        }
        return writers.next();
    }
}
