package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The faster derivative maker's pixels against the ways they were made before: the turn by EXIF orientation over the
 * bytes against Java2D's, the JDK's JPEG reader for plain JPEGs against TwelveMonkeys', and TwelveMonkeys kept for
 * the JPEGs the JDK reads wrongly or not at all (CMYK, an ICC profile).
 */
class DerivativePixelsTest {

    @Test
    void everyExifOrientationTurnsThePixelsAsJavaTwoDDid() {
        BufferedImage stored = noise(7, 5, 1);
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage expected = DerivativesBefore.turn(DerivativesBefore.intRgb(stored), orientation);
            BufferedImage turned = Pixels.upright(stored, orientation, 1);
            assertThat(rgb(turned)).as("orientation %d", orientation).isEqualTo(rgb(expected));
        }
    }

    @Test
    void turningAndHalvingInOnePassIsTurningThenHalving() {
        BufferedImage stored = noise(12, 8, 2);
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage oneStep = Pixels.upright(stored, orientation, 2);
            BufferedImage twoSteps = Pixels.halve(Pixels.upright(stored, orientation, 1));
            assertThat(oneStep.getWidth()).isEqualTo(orientation >= 5 ? 4 : 6);
            assertThat(rgb(oneStep)).as("orientation %d", orientation).isEqualTo(rgb(twoSteps));
        }
        // A 2 × 2 block's mean, rounded: (10 + 20 + 30 + 41) / 4 = 25.25.
        BufferedImage block = Pixels.bgr(2, 2);
        int[] reds = {10, 20, 30, 41};
        for (int i = 0; i < 4; i++) {
            block.setRGB(i % 2, i / 2, reds[i] << 16);
        }
        assertThat((Pixels.halve(block).getRGB(0, 0) >> 16) & 0xFF).isEqualTo(25);
    }

    @Test
    void aPlainJpegIsReadByTheJdkReaderToTheSamePixelsAsTwelveMonkeys() throws Exception {
        byte[] jpeg = TestPictures.jpeg(noise(64, 48, 3));
        assertThat(Pictures.isPlainJpeg(jpeg)).isTrue();
        assertThat(Pictures.isPlainJpeg(TestPictures.leakyRotatedJpeg(40, 20))).isTrue();
        BufferedImage fast = Pictures.decode(jpeg, ImageType.JPEG, 1);
        assertThat(fast.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(rgb(fast)).isEqualTo(rgb(DerivativesBefore.readWithTwelveMonkeys(jpeg)));
    }

    @Test
    void aCmykJpegIsStillReadByTwelveMonkeysInItsColours() throws Exception {
        byte[] cmyk = cmykJpeg(96, 64);
        assertThat(Pictures.isPlainJpeg(cmyk)).isFalse();
        List<DerivativeMaker.Made> made = DerivativeMaker.make(cmyk, ImageType.JPEG, 500, 500);
        DerivativeMaker.Made full = made.stream().filter(m -> m.crop() == Crop.FULL).findFirst().orElseThrow();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(full.bytes()));
        int rgb = shown.getRGB(shown.getWidth() / 2, shown.getHeight() / 2);
        // Magenta and yellow ink, no cyan or black: red on screen.
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(180);
        assertThat((rgb >> 8) & 0xFF).isLessThan(100);
        assertThat(rgb & 0xFF).isLessThan(100);
    }

    @Test
    void aJpegWithAnIccProfileIsLeftToTwelveMonkeys() throws Exception {
        byte[] plain = TestPictures.jpeg(noise(32, 32, 4));
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream app2 = new ByteArrayOutputStream();
        app2.write(0xFF);
        app2.write(0xE2);
        int length = 2 + 12 + 2 + profile.length;
        app2.write(length >> 8);
        app2.write(length & 0xFF);
        app2.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        app2.write(1);
        app2.write(1);
        app2.writeBytes(profile);
        byte[] withProfile = TestPictures.withExif(plain, app2.toByteArray());
        assertThat(Pictures.isPlainJpeg(withProfile)).isFalse();
        assertThat(rgb(Pictures.decode(withProfile, ImageType.JPEG, 1)))
                .isEqualTo(rgb(DerivativesBefore.readWithTwelveMonkeys(withProfile)));
    }

    /**
     * A JPEG of four components as Photoshop writes CMYK: an Adobe segment (transform 0: no colour transform) and the
     * values inverted; all magenta and yellow ink. The JDK's reader refuses it ("Unsupported Image Type").
     */
    private static byte[] cmykJpeg(int width, int height) throws Exception {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] ink = {255, 0, 0, 255}; // stored inverted: no cyan, full magenta, full yellow, no black
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, ink);
            }
        }
        ImageWriter writer = null;
        for (var writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter next = writers.next();
            if (next.getClass().getName().startsWith("com.sun.")) {
                writer = next;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return TestPictures.withExif(out.toByteArray(), adobe);
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1, 1); // a corner to tell the turns apart even by eye
        g.dispose();
        return image;
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
