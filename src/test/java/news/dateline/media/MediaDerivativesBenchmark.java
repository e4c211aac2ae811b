package news.dateline.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 24-megapixel photo (6000 × 4000, gradients and noise so it compresses like a photo) to every derivative: wall
 * time per run, peak heap, the process's peak RSS. Run by bench/media.sh (tag "bench", not in the normal suite);
 * figures go to docs/benchmarks.md with the machine's load.
 */
@Tag("bench")
class MediaDerivativesBenchmark {

    @Test
    void aTwentyFourMegapixelPhotoToEveryDerivative() throws Exception {
        byte[] photo = photo(6000, 4000);
        System.out.printf("media bench: source JPEG %.1f MB%n", photo.length / 1048576.0);
        DerivativeMaker.make(photo, ImageType.JPEG, 500, 500); // warm-up
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        int runs = Integer.getInteger("media.bench.runs", 3);
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            List<DerivativeMaker.Made> made = DerivativeMaker.make(photo, ImageType.JPEG, 500, 500);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long bytes = made.stream().mapToLong(m -> m.bytes().length).sum();
            System.out.printf("media bench: run %d: %d files (%.1f MB) in %d ms%n", run, made.size(),
                    bytes / 1048576.0, millis);
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("media bench: peak heap (sum of pool peaks) %d MB, peak RSS %s%n", peakHeap >> 20,
                rss());
    }

    private static String rss() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
    }

    private static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 80, 160), width, height, new Color(230, 190, 90)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random random = new Random(13);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(41) - 20;
                int r = clamp(((row[x] >> 16) & 0xFF) + n);
                int gg = clamp(((row[x] >> 8) & 0xFF) + n);
                int b = clamp((row[x] & 0xFF) + n);
                row[x] = (r << 16) | (gg << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return TestPictures.jpeg(image);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
