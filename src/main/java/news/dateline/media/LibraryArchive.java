package news.dateline.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import news.dateline.media.MediaStore.Area;
import news.dateline.story.photo.PhotoArchive;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library for the WordPress export and import (interchange reaches it through {@link PhotoArchive}): every
 * picture with its description and original, and an imported picture's credit, source, copyright and focal point,
 * set through the desk so a moved focal point makes the crops again and the stories using it are told.
 */
@Component
class LibraryArchive implements PhotoArchive {

    private static final int MIDDLE = 500;

    private final JdbcClient jdbc;
    private final MediaRepository repository;
    private final MediaStore store;
    private final MediaDesk desk;

    LibraryArchive(JdbcClient jdbc, MediaRepository repository, MediaStore store, MediaDesk desk) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.store = store;
        this.desk = desk;
    }

    @Override
    public List<Archived> after(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, filename, content_type, created_at, alt, caption, credit, source, copyright,
                               focal_x, focal_y
                        FROM media WHERE id > :after ORDER BY id LIMIT :limit""")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Archived(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), java.time.Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
                        rs.getString("source"), rs.getString("copyright"), rs.getInt("focal_x"),
                        rs.getInt("focal_y")))
                .list();
    }

    @Override
    public byte[] original(long id) throws IOException {
        MediaItem item = repository.find(id).orElseThrow(() -> new IOException("no picture " + id));
        var file = store.find(Area.ORIGINALS, item.originalName())
                .orElseThrow(() -> new IOException("the original of " + item.filename() + " is not in the store"));
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public List<Long> usedBy(long id) {
        return repository.articlesUsing(id);
    }

    @Override
    public void describe(long id, String credit, String source, String copyright, int focalX, int focalY) {
        MediaItem item = repository.find(id).orElse(null);
        if (item == null) {
            return;
        }
        boolean middle = item.focalX() == MIDDLE && item.focalY() == MIDDLE;
        // Only what the desk would take: it refuses (and so marks the import's transaction for rollback) otherwise.
        desk.describe(id, new MediaDesk.Description(item.alt(), item.caption(), orElse(item.credit(), credit),
                orElse(item.source(), source), orElse(item.copyright(), copyright),
                Integer.toString(middle ? within(focalX) : item.focalX()),
                Integer.toString(middle ? within(focalY) : item.focalY())));
    }

    private static int within(int thousandths) {
        return Math.max(0, Math.min(1000, thousandths));
    }

    private static String orElse(String known, String given) {
        String text = known == null || known.isBlank() ? given == null ? "" : given.strip() : known;
        return text.length() > MediaLibrary.MAX_TEXT ? text.substring(0, MediaLibrary.MAX_TEXT) : text;
    }
}
