package news.dateline.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.dateline.platform.DataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches each folder provider's {@code incoming/}: every file is read, stored ({@link WireIngest}) and moved to
 * {@code processed/}, or, when it cannot be read, moved to {@code error/} with {@code <name>.reason.txt} beside it.
 * A file is moved only after its transaction committed, so a crash in between reads it again next time, and
 * the second reading is a duplicate, stored once. Names starting with a dot or ending in {@code .tmp} or
 * {@code .part} are files still being written: they are left for the next round.
 */
@Component
class FolderIntake {

    private static final Logger log = LoggerFactory.getLogger(FolderIntake.class);

    private final ProviderRepository providers;
    private final WireReaders readers;
    private final WireIngest ingest;
    private final WireRepository items;
    private final WireProperties properties;
    private final DataProperties data;
    private final Clock clock;

    FolderIntake(ProviderRepository providers, WireReaders readers, WireIngest ingest, WireRepository items,
            WireProperties properties, DataProperties data, Clock clock) {
        this.providers = providers;
        this.readers = readers;
        this.ingest = ingest;
        this.items = items;
        this.properties = properties;
        this.data = data;
        this.clock = clock;
    }

    /** The folders exist out of the box, so a file can be dropped into {@code <data dir>/wire/incoming} at once. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareFolders() {
        providers.ensureFirst(clock.instant());
        for (Provider provider : providers.enabled()) {
            if (provider.watchesFolder()) {
                try {
                    folders(provider);
                } catch (IOException e) {
                    log.warn("Wire {}: cannot create its folders under {}: {}", provider.name(),
                            provider.root(data.dir()), e.getMessage());
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${dateline.wire.scan-interval:500ms}",
            initialDelayString = "${dateline.wire.scan-interval:500ms}")
    void scan() {
        if (!properties.intake()) {
            return;
        }
        for (Provider provider : providers.enabled()) {
            if (provider.watchesFolder()) {
                try {
                    scan(provider);
                } catch (IOException | RuntimeException e) {
                    // One provider's trouble (a folder gone, the database busy) must not hold back the others.
                    log.error("Wire {}: the folder scan failed", provider.name(), e);
                }
            }
        }
    }

    /** Reads everything waiting in the provider's folder now; returns how many files were handled. */
    int scan(Provider provider) throws IOException {
        Path root = folders(provider);
        List<Path> waiting = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("incoming"))) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".tmp")
                        && !name.endsWith(".part")) {
                    waiting.add(file);
                }
            }
        }
        waiting.sort(Comparator.comparing(FolderIntake::modified).thenComparing(Path::getFileName));
        for (Path file : waiting) {
            handle(provider, root, file);
        }
        return waiting.size();
    }

    private void handle(Provider provider, Path root, Path file) throws IOException {
        String name = file.getFileName().toString();
        Instant now = clock.instant();
        // The notice arrived when the file did (a kill's clock starts there), never later than now. The file's time is
        // the wall clock's and the site's clock may differ from it (tests move it), so the file's age is what counts.
        java.time.Duration age = java.time.Duration.between(modified(file), Instant.now());
        Instant arrived = age.isNegative() ? now : now.minus(age);
        try {
            if (Files.size(file) > properties.maxFileSize().toBytes()) {
                throw new BadWireFile("the file is larger than the limit of " + properties.maxFileSizeText()
                        + " (dateline.wire.max-file-size)");
            }
            List<WireItem> read = readers.read(Files.readAllBytes(file));
            ingest.take(provider, name, read, arrived);
            move(file, root.resolve("processed"));
        } catch (BadWireFile bad) {
            log.warn("Wire {}: {} goes to error/: {}", provider.name(), name, bad.report());
            items.event(provider.id(), now, name, "error", null, bad.report());
            // The reason is in place, whole, before the file leaves incoming/: whoever watches it never reads half.
            Path target = targetIn(root.resolve("error"), file);
            Path reason = target.resolveSibling(target.getFileName() + ".reason.txt");
            Path writing = reason.resolveSibling(reason.getFileName() + ".part");
            Files.writeString(writing, bad.report() + "\n", StandardCharsets.UTF_8);
            Files.move(writing, reason, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path folders(Provider provider) throws IOException {
        Path root = provider.root(data.dir());
        for (String folder : List.of("incoming", "processed", "error")) {
            Files.createDirectories(root.resolve(folder));
        }
        return root;
    }

    /** Into {@code folder} under the same name, or with a time before it when that name is taken. */
    private Path move(Path file, Path folder) throws IOException {
        return Files.move(file, targetIn(folder, file), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where {@code file} goes in {@code folder}: its own name, or the time before it when that is taken. */
    private Path targetIn(Path folder, Path file) {
        Path target = folder.resolve(file.getFileName());
        return Files.exists(target) ? folder.resolve(clock.millis() + "-" + file.getFileName()) : target;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
