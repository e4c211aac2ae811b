package news.dateline.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import news.dateline.platform.DataProperties;
import news.dateline.platform.StoreBusy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches each folder provider's {@code incoming/}: every file is read, stored ({@link WireIngest}) and moved to
 * {@code processed/}, or, when it cannot be read or stored, moved to {@code error/} with {@code <name>.reason.txt}
 * beside it. Many waiting files share one transaction (at most {@code dateline.wire.batch-size}); a file is moved
 * only after its transaction committed, so a crash in between reads the batch again next time, and the second
 * reading is a duplicate, stored once. Names starting with a dot or ending in {@code .tmp} or
 * {@code .part} are files still being written: they are left for the next round.
 */
@Component
class FolderIntake {

    private static final Logger log = LoggerFactory.getLogger(FolderIntake.class);
    /** A batch holds no more than this many bytes of files, whatever the batch size. */
    private static final long BATCH_BYTES = 32L * 1024 * 1024;
    /** Pictures beside the items that name them: taken with their item (WirePictures), never read as items. */
    private static final java.util.regex.Pattern PICTURE_FILE = java.util.regex.Pattern.compile(
            "(?i).*\\.(jpe?g|png|gif|webp)");

    private final ProviderRepository providers;
    private final WireReaders readers;
    private final WireIngest ingest;
    private final WirePictures pictures;
    private final WireRepository items;
    private final WireProperties properties;
    private final DataProperties data;
    private final Clock clock;
    /** Reading, parsing and checking files (the schema is most of the work) while the last batch is stored. */
    private final ExecutorService reading = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
            Thread.ofPlatform().daemon().name("wire-read-", 0).factory());

    FolderIntake(ProviderRepository providers, WireReaders readers, WireIngest ingest, WireRepository items,
            WireProperties properties, DataProperties data, Clock clock, WirePictures pictures) {
        this.pictures = pictures;
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
        try {
            providers.ensureFirst(clock.instant());
        } catch (RuntimeException e) {
            if (!StoreBusy.is(e)) {
                throw e;
            }
            // A busy database must not stop the site's start; the first provider is added on the next one.
            log.warn("Wire: the database is busy; the first provider is not added now");
        }
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

    /**
     * Reads everything waiting in the provider's folder now, oldest first, and returns how many files were handled.
     * Files are read, parsed and checked on the reading threads, outside any transaction, a batch ahead of the one
     * being stored; the files of a batch that read well are stored in one transaction, then moved.
     */
    int scan(Provider provider) throws IOException {
        Path root = folders(provider);
        List<Waiting> waiting = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("incoming"))) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part")
                        && !PICTURE_FILE.matcher(name).matches()) { // a picture waits for the item naming it
                    Waiting one = Waiting.of(file);
                    if (one != null) {
                        waiting.add(one);
                    }
                }
            }
        }
        waiting.sort(Comparator.comparing(Waiting::modified).thenComparing(w -> w.file().getFileName()));
        // A bounded pipeline: the reading threads keep up to two batches ahead; the store takes, in order, the first
        // file once read and every file after it that is read already, up to a batch. So a backlog goes in large
        // batches when storing is the slower part, and a file (a kill) never waits for files behind it.
        Deque<Future<Read>> reads = new ArrayDeque<>();
        Deque<Long> sizes = new ArrayDeque<>();
        int next = 0;
        long ahead = 0;
        while (next < waiting.size() || !reads.isEmpty()) {
            while (next < waiting.size() && reads.size() < 2 * properties.batchSize()
                    && (reads.isEmpty() || ahead + waiting.get(next).size() <= 2 * BATCH_BYTES)) {
                Waiting file = waiting.get(next++);
                ahead += file.size();
                sizes.add(file.size());
                reads.add(reading.submit(() -> read(file)));
            }
            List<Read> batch = new ArrayList<>();
            long bytes = 0;
            do {
                batch.add(finished(reads.poll()));
                bytes += sizes.poll();
            } while (!reads.isEmpty() && reads.peek().isDone() && batch.size() < properties.batchSize()
                    && bytes < BATCH_BYTES);
            ahead -= bytes;
            if (!store(provider, root, batch)) {
                reads.forEach(f -> f.cancel(false));
                break; // the database is busy: what is left stays in incoming/ for the next round
            }
        }
        return waiting.size();
    }

    private static Read finished(Future<Read> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading a wire file failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** On a reading thread: the file's bytes, parsed and checked against its format, or why it cannot be taken. */
    private Read read(Waiting waiting) {
        Path file = waiting.file();
        String name = file.getFileName().toString();
        // The notice arrived when the file did (a kill's clock starts there), never later than now. The file's time is
        // the wall clock's and the site's clock may differ from it (tests move it), so the file's age is what counts.
        Instant now = clock.instant();
        Duration age = Duration.between(waiting.modified(), Instant.now());
        Instant arrived = age.isNegative() ? now : now.minus(age);
        try {
            if (waiting.size() > properties.maxFileSize().toBytes()) {
                throw new BadWireFile("the file is larger than the limit of " + properties.maxFileSizeText()
                        + " (dateline.wire.max-file-size)");
            }
            return new Read(file, new WireIngest.ReadFile(name, arrived, pictures.attach(
                    readers.read(Files.readAllBytes(file)), WirePictures.folder(file.getParent()))), null);
        } catch (BadWireFile bad) {
            return new Read(file, new WireIngest.ReadFile(name, arrived, List.of()), bad);
        } catch (NoSuchFileException gone) {
            return null; // taken by someone else meanwhile (another node sharing the folder)
        } catch (IOException e) {
            return new Read(file, new WireIngest.ReadFile(name, arrived, List.of()),
                    new BadWireFile("the file cannot be read (" + e.getMessage() + ")"));
        } catch (RuntimeException e) {
            // A reader's own fault must not hold the files behind this one in incoming/ for ever.
            log.error("Wire: reading {} failed", name, e);
            return new Read(file, new WireIngest.ReadFile(name, arrived, List.of()),
                    new BadWireFile("the file could not be read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * Stores the batch's good files in one transaction and moves them to {@code processed/} once it committed; the
     * bad ones go to {@code error/} whatever becomes of the rest. When the transaction fails for a reason other than
     * a busy database, each file is tried alone, so only the one the database refuses goes to {@code error/}.
     * Returns false when the database is busy: the files not stored stay in {@code incoming/}.
     */
    private boolean store(Provider provider, Path root, List<Read> batch) throws IOException {
        List<Read> good = new ArrayList<>();
        for (Read read : batch) {
            if (read == null) {
                continue;
            }
            if (read.bad() != null) {
                refuse(provider, root, read.file(), read.bad());
            } else {
                good.add(read);
            }
        }
        if (good.isEmpty()) {
            return true;
        }
        try {
            ingest.takeAll(provider, good.stream().map(Read::taken).toList());
            good.forEach(read -> processed(provider, root, read));
            return true;
        } catch (RuntimeException failed) {
            if (StoreBusy.is(failed)) {
                log.warn("Wire {}: the database is busy; {} files wait for the next round", provider.name(),
                        good.size());
                return false;
            }
            if (good.size() == 1) {
                refuse(provider, root, good.getFirst().file(), unstorable(failed));
                companions(provider, good.getFirst(), root.resolve("error"));
                return true;
            }
            log.warn("Wire {}: a batch of {} files could not be stored ({}); storing them one by one",
                    provider.name(), good.size(), reason(failed));
        }
        for (Read read : good) {
            try {
                WireIngest.ReadFile taken = read.taken();
                ingest.take(provider, taken.sourceName(), taken.items(), taken.receivedAt());
                processed(provider, root, read);
            } catch (RuntimeException failed) {
                if (StoreBusy.is(failed)) {
                    return false;
                }
                refuse(provider, root, read.file(), unstorable(failed));
                companions(provider, read, root.resolve("error"));
            }
        }
        return true;
    }

    private void processed(Provider provider, Path root, Read read) {
        processed(provider, root, read.file());
        companions(provider, read, root.resolve("processed"));
    }

    /** The pictures beside the file go where it went. */
    private void companions(Provider provider, Read read, Path folder) {
        for (Path picture : WirePictures.companions(read.taken().items())) {
            try {
                move(picture, folder);
            } catch (IOException e) {
                log.warn("Wire {}: the picture {} could not be moved to {}/: {}", provider.name(),
                        picture.getFileName(), folder.getFileName(), e.getMessage());
            }
        }
    }

    private void processed(Provider provider, Path root, Path file) {
        try {
            move(file, root.resolve("processed"));
        } catch (IOException e) {
            // Stored already: read again it would be a duplicate, stored once.
            log.warn("Wire {}: {} was stored but could not be moved to processed/: {}", provider.name(),
                    file.getFileName(), e.getMessage());
        }
    }

    private void refuse(Provider provider, Path root, Path file, BadWireFile bad) throws IOException {
        String name = file.getFileName().toString();
        log.warn("Wire {}: {} goes to error/: {}", provider.name(), name, bad.report());
        items.event(provider.id(), clock.instant(), name, "error", null, bad.report());
        // The reason is in place, whole, before the file leaves incoming/: whoever watches it never reads half.
        Path target = targetIn(root.resolve("error"), file);
        Path reason = target.resolveSibling(target.getFileName() + ".reason.txt");
        Path writing = reason.resolveSibling(reason.getFileName() + ".part");
        Files.writeString(writing, bad.report() + "\n", StandardCharsets.UTF_8);
        Files.move(writing, reason, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static BadWireFile unstorable(RuntimeException failed) {
        return new BadWireFile("could not be stored: " + reason(failed));
    }

    /** The database's own words, first line only (PostgreSQL adds where and hints), not past 300 characters. */
    private static String reason(Throwable failed) {
        String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failed).getMessage()).strip();
        int line = message.indexOf('\n');
        message = line < 0 ? message : message.substring(0, line).strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    @PreDestroy
    void stopReading() {
        reading.shutdownNow();
    }

    /** A file waiting in incoming/, with the size and time it had when the folder was listed. */
    private record Waiting(Path file, Instant modified, long size) {

        static Waiting of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return attributes.isRegularFile()
                        ? new Waiting(file, attributes.lastModifiedTime().toInstant(), attributes.size()) : null;
            } catch (IOException e) {
                return null; // gone meanwhile
            }
        }
    }

    /** A file read: what to store, or why it goes to error/ ({@code bad} set). */
    private record Read(Path file, WireIngest.ReadFile taken, BadWireFile bad) {
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
}
