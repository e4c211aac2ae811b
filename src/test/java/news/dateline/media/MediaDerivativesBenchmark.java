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
 * A 24-megapixel photo (6000 × 4000, gradients and noise so it compresses like a photo) to every derivative: the
 * thread's CPU time per photo for the maker before the work on its speed ({@link DerivativesBefore}) and now,
 * interleaved in one JVM, then where the time goes step by step, the bytes allocated per photo, peak heap and the
 * process's peak RSS. Run by bench/media.sh (tag "bench", not in the normal suite);
 * figures go to docs/benchmarks.md with the machine's load.
 */
@Tag("bench")
class MediaDerivativesBenchmark {

    @Test
    void aTwentyFourMegapixelPhotoToEveryDerivative() throws Exception {
        byte[] photo = photo(6000, 4000);
        System.out.printf("media bench: source JPEG %.1f MB, plain (JDK reader): %s%n", photo.length / 1048576.0,
                Pictures.isPlainJpeg(photo));
        int runs = Integer.getInteger("media.bench.runs", 3);
        DerivativeMaker.make(photo, ImageType.JPEG, 500, 500); // warm-up, both paths
        DerivativesBefore.make(photo, 500, 500);
        // The worker's own CPU time per photo, the old maker and the current one interleaved (alternating which goes
        // first) in this JVM: the machine's load moves wall time, far less a thread's CPU time.
        long[] before = new long[runs];
        long[] now = new long[runs];
        for (int run = 0; run < runs; run++) {
            boolean oldFirst = run % 2 == 0;
            if (oldFirst) {
                before[run] = cpu(() -> DerivativesBefore.make(photo, 500, 500));
            }
            now[run] = cpu(() -> DerivativeMaker.make(photo, ImageType.JPEG, 500, 500));
            if (!oldFirst) {
                before[run] = cpu(() -> DerivativesBefore.make(photo, 500, 500));
            }
            System.out.printf("media bench: run %d: CPU before %d ms, now %d ms (ratio %.2f)%n", run + 1,
                    before[run] / 1_000_000, now[run] / 1_000_000, (double) now[run] / before[run]);
        }
        System.out.printf("media bench: median CPU per photo: before %d ms, now %d ms%n", median(before) / 1_000_000,
                median(now) / 1_000_000);
        // Where the current maker's time goes, each step on its own (thread CPU, median of the runs).
        long[] jdk = new long[runs];
        long[] twelve = new long[runs];
        long[] base = new long[runs];
        long[] jpeg = new long[runs];
        long[] webp = new long[runs];
        List<java.awt.image.BufferedImage> sizes = sizes(photo);
        for (int run = 0; run < runs; run++) {
            jdk[run] = cpu(() -> Pictures.decode(photo, ImageType.JPEG, 1));
            twelve[run] = cpu(() -> DerivativesBefore.readWithTwelveMonkeys(photo));
            base[run] = cpu(() -> DerivativeMaker.base(photo, ImageType.JPEG, 500, 500));
            jpeg[run] = cpu(() -> encodeAll(sizes, Encoders.Format.JPEG));
            webp[run] = cpu(() -> encodeAll(sizes, Encoders.Format.WEBP));
        }
        System.out.printf("media bench: steps (CPU ms): decode JDK reader %d, decode TwelveMonkeys %d; decode + upright"
                + " + first halving %d; %d sizes encoded as JPEG %d, as WebP %d%n", median(jdk) / 1_000_000,
                median(twelve) / 1_000_000, median(base) / 1_000_000, sizes.size(), median(jpeg) / 1_000_000,
                median(webp) / 1_000_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long allocated = threads.getThreadAllocatedBytes(id);
        DerivativesBefore.make(photo, 500, 500);
        long allocatedBefore = threads.getThreadAllocatedBytes(id) - allocated;
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        allocated = threads.getThreadAllocatedBytes(id);
        long started = System.nanoTime();
        List<DerivativeMaker.Made> made = DerivativeMaker.make(photo, ImageType.JPEG, 500, 500);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocatedNow = threads.getThreadAllocatedBytes(id) - allocated;
        long bytes = made.stream().mapToLong(m -> m.bytes().length).sum();
        System.out.printf("media bench: %d files (%.1f MB) in %d ms wall; allocated per photo: before %d MB, now %d MB%n",
                made.size(), bytes / 1048576.0, millis, allocatedBefore >> 20, allocatedNow >> 20);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("media bench: peak heap over the last photo (sum of pool peaks) %d MB, peak RSS %s%n",
                peakHeap >> 20, rss());
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** The calling thread's CPU time for one piece of work, in nanoseconds. */
    private static long cpu(Work work) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - started;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The sizes the maker encodes, scaled as it scales them (to time the encoders alone). */
    private static List<java.awt.image.BufferedImage> sizes(byte[] photo) throws Exception {
        DerivativeMaker.Base base = DerivativeMaker.base(photo, ImageType.JPEG, 500, 500);
        List<java.awt.image.BufferedImage> sizes = new java.util.ArrayList<>();
        for (Crop crop : Crop.values()) {
            int[] r = crop.region(base.pixels().getWidth(), base.pixels().getHeight(), 500, 500);
            var previous = base.pixels().getSubimage(r[0], r[1], r[2], r[3]);
            List<Integer> widths = new java.util.ArrayList<>(
                    crop.widthsFor(crop.region(base.width(), base.height(), 500, 500)[2]));
            widths.sort((a, b) -> b - a);
            for (int width : widths) {
                previous = crop == Crop.SHARE ? Scaler.to(previous, width, (int) Math.round(width * 630.0 / 1200))
                        : Scaler.toWidth(previous, width);
                sizes.add(previous);
            }
        }
        return sizes;
    }

    private static Object encodeAll(List<java.awt.image.BufferedImage> sizes, Encoders.Format format)
            throws Exception {
        long total = 0;
        for (var image : sizes) {
            total += Encoders.encode(image, format).length;
        }
        return total;
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
