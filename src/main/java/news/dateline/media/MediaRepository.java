package news.dateline.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.dateline.media.Encoders.Format;
import news.dateline.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The library's tables: {@code media}, {@code media_derivative}, {@code media_use} (migration V14). */
@Repository
public class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MediaItem> find(long id) {
        return jdbc.sql("SELECT * FROM media WHERE id = :id").param("id", id).query(MediaRepository::item).optional();
    }

    Optional<MediaItem> findBySha256(String sha256) {
        return jdbc.sql("SELECT * FROM media WHERE sha256 = :sha").param("sha", sha256)
                .query(MediaRepository::item).optional();
    }

    /** A new item, pending its derivatives; empty when these bytes are in the library already (then that one). */
    Optional<Long> insert(String sha256, String filename, String contentType, long byteSize, int width, int height,
            String alt, String caption, String credit, String uploadedBy, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO media (sha256, filename, content_type, byte_size, width, height, alt, caption,
                                           credit, uploaded_by, created_at, updated_at)
                        VALUES (:sha, :filename, :type, :size, :width, :height, :alt, :caption, :credit, :by, :now, :now)
                        ON CONFLICT (sha256) DO NOTHING""")
                .param("sha", sha256).param("filename", filename).param("type", contentType).param("size", byteSize)
                .param("width", width).param("height", height).param("alt", alt).param("caption", caption)
                .param("credit", credit).param("by", uploadedBy).param("now", now.toEpochMilli())
                .update();
        return inserted == 0 ? Optional.empty() : findBySha256(sha256).map(MediaItem::id);
    }

    List<Long> pending() {
        return jdbc.sql("SELECT id FROM media WHERE state = 'pending' ORDER BY id").query(Long.class).list();
    }

    List<Derivative> derivatives(long mediaId) {
        return jdbc.sql("""
                        SELECT crop, format, width, height, sha256, byte_size FROM media_derivative
                        WHERE media_id = :id ORDER BY crop, format, width""")
                .param("id", mediaId)
                .query((rs, n) -> new Derivative(Crop.fromCode(rs.getString("crop")),
                        Format.fromCode(rs.getString("format")), rs.getInt("width"), rs.getInt("height"),
                        rs.getString("sha256"), rs.getLong("byte_size")))
                .list();
    }

    /**
     * Replaces the item's derivatives with these and marks it ready, if they were made from the file and focal point
     * it has now; answers false (and changes nothing) when the item was replaced, moved or deleted meanwhile: the
     * try made for the newer state stores its own. The row is updated first, so on PostgreSQL a replacement
     * committing at the same moment is waited for and re-checked, never overwritten.
     */
    boolean ready(long mediaId, String sha256, int focalX, int focalY, List<Derivative> made, Instant now) {
        int current = jdbc.sql("""
                        UPDATE media SET state = 'ready', failure = NULL, updated_at = :now
                        WHERE id = :id AND sha256 = :sha AND focal_x = :fx AND focal_y = :fy AND killed_at IS NULL""")
                .param("id", mediaId).param("now", now.toEpochMilli()).param("sha", sha256).param("fx", focalX)
                .param("fy", focalY).update();
        if (current == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM media_derivative WHERE media_id = :id").param("id", mediaId).update();
        for (Derivative d : made) {
            jdbc.sql("""
                            INSERT INTO media_derivative (media_id, crop, format, width, height, sha256, byte_size)
                            VALUES (:id, :crop, :format, :width, :height, :sha, :size)""")
                    .param("id", mediaId).param("crop", d.crop().code()).param("format", d.format().code())
                    .param("width", d.width()).param("height", d.height()).param("sha", d.sha256())
                    .param("size", d.byteSize())
                    .update();
        }
        return true;
    }

    /**
     * The item's file is now this one (its sizes to be made again): everything about the upload changes, its
     * description and uses do not. Its derivatives stay as they are until the new ones are ready, so pages keep
     * showing the old picture meanwhile. Answers false when the item no longer has the file {@code oldSha256}.
     */
    boolean replaceFile(long id, String oldSha256, String sha256, String filename, String contentType, long byteSize,
            int width, int height, int focalX, int focalY, Instant now) {
        return jdbc.sql("""
                        UPDATE media SET sha256 = :sha, filename = :filename, content_type = :type, byte_size = :size,
                                         width = :width, height = :height, focal_x = :fx, focal_y = :fy,
                                         state = 'pending', attempts = 0, failure = NULL, updated_at = :now
                        WHERE id = :id AND sha256 = :old""")
                .param("id", id).param("old", oldSha256).param("sha", sha256).param("filename", filename)
                .param("type", contentType).param("size", byteSize).param("width", width).param("height", height)
                .param("fx", focalX).param("fy", focalY).param("now", now.toEpochMilli())
                .update() == 1;
    }

    /** Whether any item's original or any derivative is the file with these bytes (files are shared by hash). */
    boolean refersTo(String sha256) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM media WHERE sha256 = :sha)
                             + (SELECT COUNT(*) FROM media_derivative WHERE sha256 = :sha)""")
                .param("sha", sha256).query(Long.class).single() > 0;
    }

    /** One more failed try; {@code last} marks the item failed for good (until someone retries it). */
    void failed(long mediaId, String why, boolean last, Instant now) {
        jdbc.sql("""
                        UPDATE media SET attempts = attempts + 1, failure = :why, updated_at = :now,
                                         state = CASE WHEN :last THEN 'failed' ELSE state END
                        WHERE id = :id""")
                .param("id", mediaId).param("why", why).param("last", last).param("now", now.toEpochMilli())
                .update();
    }

    /** The stories that show this item (lead photo or body), for the pages that must be drawn again. */
    List<Long> articlesUsing(long mediaId) {
        return jdbc.sql("SELECT DISTINCT article_id FROM media_use WHERE media_id = :id ORDER BY article_id")
                .param("id", mediaId).query(Long.class).list();
    }

    /** The library, newest first; {@code query} matched in alt text, caption, credit and file name. */
    List<MediaItem> search(String query, int limit) {
        String like = "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT * FROM media
                        WHERE :all OR LOWER(alt) LIKE :like ESCAPE '\\' OR LOWER(caption) LIKE :like ESCAPE '\\'
                           OR LOWER(credit) LIKE :like ESCAPE '\\' OR LOWER(filename) LIKE :like ESCAPE '\\'
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit""")
                .param("all", query.isBlank()).param("like", like).param("limit", limit)
                .query(MediaRepository::item).list();
    }

    /** What the newsroom says about an item; answers whether the focal point moved (the crops must be made again). */
    boolean describe(long id, String alt, String caption, String credit, String source, String copyright,
            int focalX, int focalY, Instant now) {
        MediaItem before = find(id).orElseThrow();
        boolean moved = before.focalX() != focalX || before.focalY() != focalY;
        jdbc.sql("""
                        UPDATE media SET alt = :alt, caption = :caption, credit = :credit, source = :source,
                                         copyright = :copyright, focal_x = :fx, focal_y = :fy, updated_at = :now,
                                         alt_unchecked = FALSE,
                                         state = CASE WHEN :moved THEN 'pending' ELSE state END,
                                         attempts = CASE WHEN :moved THEN 0 ELSE attempts END
                        WHERE id = :id""")
                .param("id", id).param("alt", alt).param("caption", caption).param("credit", credit)
                .param("source", source).param("copyright", copyright).param("fx", focalX).param("fy", focalY)
                .param("moved", moved).param("now", now.toEpochMilli())
                .update();
        return moved;
    }

    /** Tries again from the start (the library's "try again" on a failed item). */
    void retry(long id, Instant now) {
        // A killed picture is never made again.
        jdbc.sql("UPDATE media SET state = 'pending', attempts = 0, updated_at = :now "
                        + "WHERE id = :id AND killed_at IS NULL")
                .param("id", id).param("now", now.toEpochMilli()).update();
    }

    /**
     * Uses of library pictures outside stories, told by the feature that makes them (settings: the site's logo and
     * icon), so that a picture in use is not deleted; media never asks that feature by name.
     */
    public interface SiteUses {

        /** What shows the item, as a phrase ("the site's logo"); empty when nothing does. */
        List<String> of(long mediaId);
    }

    /**
     * A ready picture's served JPEG, for what shows a library picture outside a story (the site's logo and icons,
     * chosen in the settings): {@code name} is its file in {@link MediaStore.Area#PUBLIC}, {@code alt} the item's.
     */
    public record Served(String url, String name, int width, int height, String alt) {
    }

    /**
     * The item's JPEG in its own shape ({@code square} false) or cut square around its focal point, the narrowest
     * at least {@code minWidth} pixels wide, else the widest there is; empty while none is ready or for no such item.
     */
    public Optional<Served> servedJpeg(long mediaId, boolean square, int minWidth) {
        Crop crop = square ? Crop.SQUARE : Crop.FULL;
        // Any state: an item being made again (a new file, a moved focal point) shows its last sizes meanwhile; a
        // new or failed one has none.
        String alt = jdbc.sql("SELECT alt FROM media WHERE id = :id").param("id", mediaId)
                .query(String.class).optional().orElse(null);
        if (alt == null) {
            return Optional.empty();
        }
        List<Derivative> jpegs = derivatives(mediaId).stream()
                .filter(d -> d.crop() == crop && d.format() == Format.JPEG)
                .sorted(java.util.Comparator.comparingInt(Derivative::width)).toList();
        return jpegs.stream().filter(d -> d.width() >= minWidth).findFirst()
                .or(() -> jpegs.isEmpty() ? Optional.empty() : Optional.of(jpegs.getLast()))
                .map(d -> new Served(d.url(), d.name(), d.width(), d.height(), alt));
    }

    /** A story that shows an item, and how. */
    public record Use(long articleId, String headline, String role) {
    }

    List<Use> uses(long mediaId) {
        return jdbc.sql("""
                        SELECT u.article_id, a.headline, u.role FROM media_use u JOIN article a ON a.id = u.article_id
                        WHERE u.media_id = :id ORDER BY a.id DESC""")
                .param("id", mediaId)
                .query((rs, n) -> new Use(rs.getLong("article_id"), rs.getString("headline"), rs.getString("role")))
                .list();
    }

    /** Whether the agency killed this item (it is never shown or chosen again). */
    boolean killed(long mediaId) {
        return jdbc.sql("SELECT COUNT(*) FROM media WHERE id = :id AND killed_at IS NOT NULL").param("id", mediaId)
                .query(Long.class).single() > 0;
    }

    /**
     * Killed by the agency: marked so (failed, with the notice as the reason: not offered, not made again) and its
     * sizes' rows gone, so nothing shows it; answers the sizes it had, whose files are to go once nothing names them.
     */
    List<Derivative> kill(long mediaId, String notice, Instant now) {
        List<Derivative> had = derivatives(mediaId);
        jdbc.sql("""
                        UPDATE media SET killed_at = :now, state = 'failed', failure = :notice, updated_at = :now
                        WHERE id = :id""")
                .param("id", mediaId).param("notice", notice).param("now", now.toEpochMilli()).update();
        jdbc.sql("DELETE FROM media_derivative WHERE media_id = :id").param("id", mediaId).update();
        return had;
    }

    /** The alt text came from the agency's caption or headline: the editor's notice asks to check it. */
    void altUnchecked(long mediaId) {
        jdbc.sql("UPDATE media SET alt_unchecked = TRUE WHERE id = :id").param("id", mediaId).update();
    }

    void delete(long mediaId) {
        jdbc.sql("DELETE FROM media_derivative WHERE media_id = :id").param("id", mediaId).update();
        jdbc.sql("DELETE FROM media WHERE id = :id").param("id", mediaId).update();
    }

    private static MediaItem item(ResultSet rs, int n) throws SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("sha256"), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("byte_size"), rs.getInt("width"), rs.getInt("height"),
                rs.getString("alt"), rs.getString("caption"), rs.getString("credit"), rs.getString("source"),
                rs.getString("copyright"), rs.getInt("focal_x"), rs.getInt("focal_y"), rs.getString("state"),
                rs.getInt("attempts"), rs.getString("failure"), rs.getString("uploaded_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
