package news.dateline.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the calling thread yield the processor to readers. {@link Thread#setPriority} is ignored on Linux (HotSpot's
 * default {@code ThreadPriorityPolicy}), so a derivative worker ran at the same priority as request threads; the
 * reader half of bench/media.sh saw 10,000 req/s fall to about 2,000 while photos were made. On Linux the thread
 * raises its own nice value ({@code renice} on its task id, from {@code /proc/thread-self}: lowering one's own
 * priority needs no privilege), so the scheduler gives request threads the cores first and the photos what is left.
 * Elsewhere, or without {@code renice}, nothing happens.
 */
final class Niceness {

    /** 10: about a tenth of a core's share against a thread at 0 when both want it; all of it when readers are idle. */
    static final int NICE = 10;
    private static final Logger log = LoggerFactory.getLogger(Niceness.class);

    private Niceness() {
    }

    static void lowerThisThread() {
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.isSymbolicLink(self)) {
                return;
            }
            String task = Files.readSymbolicLink(self).getFileName().toString();
            if (!task.matches("\\d+")) {
                return;
            }
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", task)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
            }
        } catch (IOException e) {
            log.debug("The derivative worker keeps its priority: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
