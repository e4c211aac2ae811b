package news.dateline.interchange;

import java.io.PrintStream;

/** A one-line progress bar on the console: bytes of the file read so far, redrawn a few times a second. */
final class ProgressBar {

    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long total;
    private long lastDrawn;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(total, 1);
    }

    void update(long read) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        draw(read);
    }

    void done() {
        draw(total);
        out.println();
    }

    private void draw(long read) {
        int filled = (int) (WIDTH * Math.min(read, total) / total);
        out.printf("\r[%s%s] %3d%% %,.1f/%,.1f MB", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * Math.min(read, total) / total, read / 1e6, total / 1e6);
        out.flush();
    }
}
