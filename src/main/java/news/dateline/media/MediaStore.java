package news.dateline.media;

import java.io.IOException;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where the library's files live, named by the SHA-256 of their bytes: the same bytes are one file however often,
 * and however concurrently, they are stored. Two areas that never mix: {@link Area#ORIGINALS} (the uploads as sent,
 * metadata and all, never served to readers) and {@link Area#PUBLIC} (the re-encoded derivatives readers get).
 */
public interface MediaStore {

    enum Area {
        ORIGINALS("originals"), PUBLIC("public");

        private final String folder;

        Area(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    /**
     * Stores {@code bytes} as {@code name} (a SHA-256 in hex, then {@code .ext}) unless it is there already, and
     * answers whether this call wrote it. Either the whole file is there afterwards or nothing is.
     */
    boolean put(Area area, String name, byte[] bytes) throws IOException;

    /** The file, if stored. */
    Optional<Resource> find(Area area, String name);

    boolean exists(Area area, String name);

    void delete(Area area, String name) throws IOException;
}
