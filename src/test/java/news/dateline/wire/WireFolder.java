package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import news.dateline.platform.DataProperties;
import news.dateline.support.RunningSite;

/** The first provider's folder, {@code <data dir>/wire/incoming}, as an agency would use it: write, then move in. */
final class WireFolder {

    private final Path root;

    WireFolder(RunningSite site) {
        this.root = site.bean(DataProperties.class).dir().resolve("wire");
    }

    Path incoming() {
        return root.resolve("incoming");
    }

    Path processed() {
        return root.resolve("processed");
    }

    Path error() {
        return root.resolve("error");
    }

    /** Drops a file as agencies do (written beside, then moved in whole) and waits until the intake has taken it. */
    Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path drop(String name, byte[] content) {
        try {
            Files.createDirectories(incoming());
            Path part = incoming().resolve(name + ".part");
            Files.write(part, content);
            Path file = Files.move(part, incoming().resolve(name), StandardCopyOption.ATOMIC_MOVE);
            awaitTaken(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitTaken(Path file) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(file).as("taken from incoming/ by the intake").doesNotExist();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
