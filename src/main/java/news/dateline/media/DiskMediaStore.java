package news.dateline.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The library on local disk, under {@code <data dir>/media/}: {@code originals/ab/abcdef….jpg} and
 * {@code public/ab/abcdef….webp}, two hex digits of fan-out so no folder grows past a few thousand files. A file
 * is written to a temporary name beside its place and moved there atomically, so a reader or a crash never sees half
 * of one; of two writers of the same bytes one moves and the other finds it there.
 */
final class DiskMediaStore implements MediaStore {

    /** A SHA-256 in hex and an extension: nothing else can name a file here (no "..", no slash). */
    static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(jpg|png|gif|webp)");

    private final Path root;

    DiskMediaStore(Path root) {
        this.root = root;
    }

    @Override
    public boolean put(Area area, String name, byte[] bytes) throws IOException {
        Path target = path(area, name);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false; // the same bytes, stored by another upload meanwhile
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<Resource> find(Area area, String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = path(area, name);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public boolean exists(Area area, String name) {
        return NAME.matcher(name).matches() && Files.isRegularFile(path(area, name));
    }

    @Override
    public void delete(Area area, String name) throws IOException {
        Files.deleteIfExists(path(area, name));
    }

    private Path path(Area area, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return root.resolve(area.folder()).resolve(name.substring(0, 2)).resolve(name);
    }
}
