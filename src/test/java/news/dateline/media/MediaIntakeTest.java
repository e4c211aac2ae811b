package news.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import news.dateline.media.MediaStore.Area;
import news.dateline.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The checks an upload meets before anything is stored, and the disk store's one-file-per-content rule. */
class MediaIntakeTest {

    private static final MediaProperties LIMITS = new MediaProperties(DataSize.ofMegabytes(50), 100_000_000, 1, 3,
            Duration.ofSeconds(5));
    private final MediaLibrary library = new MediaLibrary(null, null, null, LIMITS, null);

    @Test
    void aJpegIsTakenWithItsUprightSize() {
        byte[] turned = TestPictures.leakyRotatedJpeg(300, 200);
        MediaLibrary.Checked checked = library.check("turned.jpg", turned);
        assertThat(checked.type()).isEqualTo(ImageType.JPEG);
        assertThat(checked.width()).isEqualTo(200);
        assertThat(checked.height()).isEqualTo(300);
        assertThat(ExifOrientation.of(turned)).isEqualTo(6);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsLookedAt() {
        MediaLibrary small = new MediaLibrary(null, null, null,
                new MediaProperties(DataSize.ofKilobytes(1), 100_000_000, 1, 3, Duration.ofSeconds(5)), null);
        assertThatThrownBy(() -> small.check("big.jpg", TestPictures.plainJpeg(400, 400, Color.RED)))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("\"big.jpg\" is ")
                .hasMessageEndingWith(": pictures of at most 1 KB are taken.");
    }

    @Test
    void aBombIsRefusedFromItsHeaderWithinASecond() {
        byte[] bomb = TestPictures.bombPng(50_000, 50_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> library.check("bomb.png", bomb)).isInstanceOf(Refusal.class)
                .hasMessageContaining("50000 × 50000 pixels");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aPngCutShortIsRefused() {
        byte[] png = pngOf(300, 300);
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 20);
        assertThatThrownBy(() -> library.check("cut.png", cut)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("\"cut.png\" could not be read to the end");
    }

    @Test
    void derivativesAreUprightAndCroppedAroundTheFocalPoint() throws Exception {
        byte[] turned = TestPictures.leakyRotatedJpeg(1600, 800);
        List<DerivativeMaker.Made> made = DerivativeMaker.make(turned, ImageType.JPEG, 500, 100);
        assertThat(made).filteredOn(m -> m.crop() == Crop.FULL).extracting(DerivativeMaker.Made::width)
                .containsOnly(320, 640);
        DerivativeMaker.Made square = made.stream()
                .filter(m -> m.crop() == Crop.SQUARE && m.format() == Encoders.Format.JPEG && m.width() == 640)
                .findFirst().orElseThrow();
        assertThat(square.height()).isEqualTo(640);
        // Upright the picture is 800 × 1600, red above blue; a square around a focal point near the top is red.
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(square.bytes()));
        int rgb = image.getRGB(320, 600);
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(180);
        // WebP is written by the libwebp shipped in the webp-imageio jar, on this platform, and reads back whole.
        DerivativeMaker.Made webp = made.stream()
                .filter(m -> m.crop() == Crop.SQUARE && m.format() == Encoders.Format.WEBP && m.width() == 640)
                .findFirst().orElseThrow();
        assertThat(new String(webp.bytes(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(webp.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(640);
        assertThat((decoded.getRGB(320, 600) >> 16) & 0xFF).isGreaterThan(180);
        assertThat(made).filteredOn(m -> m.crop() == Crop.SHARE)
                .allSatisfy(m -> assertThat(m.width() * 630).isEqualTo(m.height() * 1200));
    }

    @Test
    void theSameBytesStoredAtOnceFromEightThreadsAreOneFile(@TempDir Path root) throws Exception {
        DiskMediaStore store = new DiskMediaStore(root);
        byte[] bytes = TestPictures.plainJpeg(500, 300, Color.CYAN);
        String name = MediaLibrary.sha256(bytes) + ".jpg";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            puts.add(() -> store.put(Area.ORIGINALS, name, bytes));
        }
        try {
            for (Future<Boolean> put : pool.invokeAll(puts)) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())).containsExactly(name);
        }
        assertThat(Files.readAllBytes(store.find(Area.ORIGINALS, name).orElseThrow().getFile().toPath()))
                .isEqualTo(bytes);
        assertThat(store.find(Area.PUBLIC, name)).isEmpty();
        assertThat(store.find(Area.ORIGINALS, "../" + name)).isEmpty();
    }

    private static byte[] pngOf(int width, int height) {
        try {
            var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, (x * 31 + y * 17) * 2654435761L > 0 ? x * y : ~(x * y));
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
