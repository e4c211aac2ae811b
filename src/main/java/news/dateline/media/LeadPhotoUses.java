package news.dateline.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.media.Encoders.Format;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import news.dateline.story.photo.CardPhoto;
import news.dateline.story.photo.FeedPhoto;
import news.dateline.story.photo.InlinePhotos;
import news.dateline.story.photo.LeadPhoto;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.LeadPhotos;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story's lead photo: chosen in the editor (a {@code media_use} row with role {@code lead}), shown on reader pages
 * with the sizes that are ready. Saving a new choice records a {@link StoryChanged}, so cached pages are dropped.
 */
@Component
class LeadPhotoUses implements LeadPhotoDesk, LeadPhotos, InlinePhotos {

    static final String NOT_IN_LIBRARY = "Choose a photo from the library, or none.";
    /** A picture the story shows without alt text: its number, file name and where (the editor's warning). */
    static final String NO_ALT = "#%d %s (%s) has no alt text.";
    /** Alt text taken from an agency's caption or headline (a wire picture) until someone saves its description. */
    static final String AGENCY_ALT = "#%d %s (%s) has the agency's caption as alt text: check that it describes "
            + "the picture.";
    static final String KILLED = "That photo was killed by the agency: choose another, or none.";
    /** Enough for the editor's list; the library screen finds older ones. */
    private static final int CHOICES = 200;
    /** The width browsers without {@code srcset} get: sharp in the article column on most screens. */
    private static final int FALLBACK_WIDTH = 960;

    private final JdbcClient jdbc;
    private final MediaRepository repository;
    private final ChangeLog changes;

    LeadPhotoUses(JdbcClient jdbc, MediaRepository repository, ChangeLog changes) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.changes = changes;
    }

    @Override
    public List<Choice> choices() {
        return repository.search("", CHOICES).stream()
                .filter(item -> !MediaItem.FAILED.equals(item.state()))
                .map(item -> new Choice(item.id(), label(item), thumbnail(item.id())))
                .toList();
    }

    @Override
    public String chosen(long articleId) {
        // A killed picture is no choice: the form shows none, and saving it takes the killed one off the story.
        return lead(articleId).filter(id -> !repository.killed(id)).map(String::valueOf).orElse("");
    }

    @Override
    public Map<String, String> problems(String typed) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (typed.isBlank()) {
            return problems;
        }
        Long id = number(typed);
        if (id == null || repository.find(id).isEmpty()) {
            problems.put(FIELD, NOT_IN_LIBRARY);
        } else if (repository.killed(id)) {
            problems.put(FIELD, KILLED);
        }
        return problems;
    }

    @Override
    public void save(long articleId, String typed) {
        if (!problems(typed).isEmpty()) {
            throw new IllegalArgumentException("Lead photo not checked: " + typed);
        }
        Long chosen = typed.isBlank() ? null : number(typed);
        if (java.util.Objects.equals(chosen, lead(articleId).orElse(null))) {
            return; // nothing changed: no change to record, no cached page to drop
        }
        jdbc.sql("DELETE FROM media_use WHERE article_id = :a AND role = 'lead'").param("a", articleId).update();
        if (chosen != null) {
            jdbc.sql("INSERT INTO media_use (media_id, article_id, role) VALUES (:m, :a, 'lead')")
                    .param("m", chosen).param("a", articleId).update();
        }
        changes.record(new StoryChanged(articleId, StoryChanged.Kind.SAVED));
    }

    @Override
    public List<String> withoutAlt(long articleId) {
        return jdbc.sql("""
                        SELECT m.id, m.filename, MAX(u.role) AS role, TRIM(m.alt) = '' AS missing
                        FROM media_use u JOIN media m ON m.id = u.media_id
                        WHERE u.article_id = :a AND (TRIM(m.alt) = '' OR m.alt_unchecked) AND m.killed_at IS NULL
                        GROUP BY m.id, m.filename, m.alt
                        ORDER BY MAX(u.role) DESC, m.id""")
                .param("a", articleId)
                .query((rs, n) -> (rs.getBoolean("missing") ? NO_ALT : AGENCY_ALT).formatted(rs.getLong("id"),
                        rs.getString("filename"), "lead".equals(rs.getString("role")) ? "the lead photo" : "in the text"))
                .list();
    }

    @Override
    public Optional<LeadPhoto> of(long articleId) {
        return lead(articleId).flatMap(repository::find).flatMap(this::picture);
    }

    @Override
    public Map<Long, LeadPhoto> pictures(Collection<Long> mediaIds) {
        Map<Long, LeadPhoto> pictures = new HashMap<>();
        for (long id : mediaIds) {
            repository.find(id).flatMap(this::picture).ifPresent(picture -> pictures.put(id, picture));
        }
        return pictures;
    }

    @Override
    public String version() {
        // The sum of the pairs moves when one story's photo is swapped for another; the newest update when a photo
        // is described again or its sizes are made; the count of items when one is deleted.
        return jdbc.sql("""
                        SELECT COUNT(*) AS uses, COALESCE(SUM(u.media_id * 7919 + u.article_id), 0) AS pairs,
                               (SELECT COALESCE(MAX(updated_at), 0) FROM media) AS newest,
                               (SELECT COUNT(*) FROM media) AS items
                        FROM media_use u
                        WHERE u.role = 'lead'""")
                .query((rs, n) -> rs.getLong("uses") + "." + Long.toString(rs.getLong("pairs"), 36) + "."
                        + Long.toString(rs.getLong("newest"), 36) + "." + rs.getLong("items"))
                .single();
    }

    @Override
    public Map<Long, LeadPhoto> ofAll(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Row(long articleId, long mediaId, String alt, String caption, String credit, Derivative file) {
        }
        Map<Long, List<Row>> byStory = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT u.article_id, m.id, m.alt, m.caption, m.credit,
                               d.crop, d.format, d.width, d.height, d.sha256, d.byte_size
                        FROM media_use u
                        JOIN media m ON m.id = u.media_id
                        JOIN media_derivative d ON d.media_id = m.id
                        WHERE u.role = 'lead' AND u.article_id IN (:ids)
                        ORDER BY u.article_id, m.id""")
                .param("ids", List.copyOf(articleIds))
                .query((rs, n) -> new Row(rs.getLong("article_id"), rs.getLong("id"), rs.getString("alt"),
                        rs.getString("caption"), rs.getString("credit"),
                        new Derivative(Crop.fromCode(rs.getString("crop")), Format.fromCode(rs.getString("format")),
                                rs.getInt("width"), rs.getInt("height"), rs.getString("sha256"),
                                rs.getLong("byte_size"))))
                .list()
                // as of(): the lowest media id when a story somehow has two lead rows
                .forEach(row -> byStory.computeIfAbsent(row.articleId(), a -> new ArrayList<>()).add(row));
        Map<Long, LeadPhoto> photos = new HashMap<>();
        byStory.forEach((articleId, rows) -> {
            Row first = rows.getFirst();
            List<Derivative> ready = rows.stream().filter(r -> r.mediaId() == first.mediaId()).map(Row::file)
                    .toList();
            picture(first.alt(), first.caption(), first.credit(), ready)
                    .ifPresent(photo -> photos.put(articleId, photo));
        });
        return photos;
    }

    private Optional<LeadPhoto> picture(MediaItem described) {
        return picture(described.alt(), described.caption(), described.credit(),
                repository.derivatives(described.id()));
    }

    /** The picture with the sizes ready now; empty when none of its own shape is (no picture, never a broken one). */
    private static Optional<LeadPhoto> picture(String alt, String caption, String credit, List<Derivative> ready) {
        List<LeadPhoto.Image> jpeg = images(ready, Crop.FULL, Format.JPEG);
        if (jpeg.isEmpty()) {
            return Optional.empty();
        }
        LeadPhoto.Image fallback = jpeg.stream()
                .min(Comparator.comparingInt(i -> Math.abs(i.width() - FALLBACK_WIDTH))).orElseThrow();
        List<LeadPhoto.Image> share = images(ready, Crop.SHARE, Format.JPEG);
        List<LeadPhoto.Image> crops = java.util.stream.Stream.of(Crop.WIDE, Crop.STANDARD, Crop.SQUARE)
                .map(crop -> images(ready, crop, Format.JPEG))
                .filter(sizes -> !sizes.isEmpty())
                .map(List::getLast)
                .toList();
        return Optional.of(new LeadPhoto(alt, caption, credit, fallback, jpeg,
                images(ready, Crop.FULL, Format.WEBP), share.isEmpty() ? null : share.getLast(), crops));
    }

    @Override
    public Map<Long, CardPhoto> onCards(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Row(long articleId, String alt, Crop crop, Format format, LeadPhoto.Image image) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT u.article_id, m.alt, d.crop, d.format, d.width, d.height, d.sha256
                        FROM media_use u
                        JOIN media m ON m.id = u.media_id
                        JOIN media_derivative d ON d.media_id = m.id
                        WHERE u.role = 'lead' AND u.article_id IN (:ids) AND d.crop IN (:crops)
                        ORDER BY u.article_id, d.width""")
                .param("ids", List.copyOf(articleIds))
                .param("crops", List.of(Crop.WIDE.code(), Crop.STANDARD.code()))
                .query((rs, n) -> {
                    Format format = Format.fromCode(rs.getString("format"));
                    Derivative file = new Derivative(Crop.fromCode(rs.getString("crop")), format, rs.getInt("width"),
                            rs.getInt("height"), rs.getString("sha256"), 0);
                    return new Row(rs.getLong("article_id"), rs.getString("alt"), file.crop(), format,
                            new LeadPhoto.Image(file.url(), file.width(), file.height()));
                })
                .list();
        Map<Long, List<Row>> byStory = new LinkedHashMap<>();
        rows.forEach(row -> byStory.computeIfAbsent(row.articleId(), id -> new ArrayList<>()).add(row));
        Map<Long, CardPhoto> cards = new HashMap<>();
        byStory.forEach((articleId, files) -> {
            java.util.function.BiFunction<Crop, Format, List<LeadPhoto.Image>> pick = (crop, format) -> files.stream()
                    .filter(f -> f.crop() == crop && f.format() == format).map(Row::image).toList();
            CardPhoto.Shape wide = new CardPhoto.Shape(pick.apply(Crop.WIDE, Format.JPEG),
                    pick.apply(Crop.WIDE, Format.WEBP));
            CardPhoto.Shape standard = new CardPhoto.Shape(pick.apply(Crop.STANDARD, Format.JPEG),
                    pick.apply(Crop.STANDARD, Format.WEBP));
            if (!wide.isEmpty() || !standard.isEmpty()) { // no JPEG of either crop yet: no picture, never a broken one
                cards.put(articleId, new CardPhoto(files.getFirst().alt(), wide, standard));
            }
        });
        return cards;
    }

    @Override
    public Map<Long, FeedPhoto> inFeeds(Collection<Long> articleIds) {
        Map<Long, FeedPhoto> photos = new HashMap<>();
        shown(articleIds, List.of("lead")).forEach((articleId, pictures) -> photos.put(articleId, pictures.getFirst()));
        return photos;
    }

    @Override
    public Map<Long, List<FeedPhoto>> inSitemaps(Collection<Long> articleIds) {
        return shown(articleIds, List.of("lead", "inline"));
    }

    /** Per story, each picture it shows in these roles (lead first), as its full-shape JPEG nearest 1280 wide. */
    private Map<Long, List<FeedPhoto>> shown(Collection<Long> articleIds, List<String> roles) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        record Row(long articleId, long mediaId, FeedPhoto photo) {
        }
        Map<Long, Map<Long, FeedPhoto>> nearest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT u.article_id, m.id, m.alt, m.caption, d.width, d.height, d.sha256, d.byte_size
                        FROM media_use u
                        JOIN media m ON m.id = u.media_id
                        JOIN media_derivative d ON d.media_id = m.id
                        WHERE u.role IN (:roles) AND u.article_id IN (:ids) AND d.crop = :crop AND d.format = :format
                        ORDER BY u.article_id, CASE WHEN u.role = 'lead' THEN 0 ELSE 1 END, m.id, d.width""")
                .param("ids", List.copyOf(articleIds)).param("roles", roles)
                .param("crop", Crop.FULL.code()).param("format", Format.JPEG.code())
                .query((rs, n) -> {
                    Derivative file = new Derivative(Crop.FULL, Format.JPEG, rs.getInt("width"), rs.getInt("height"),
                            rs.getString("sha256"), rs.getLong("byte_size"));
                    return new Row(rs.getLong("article_id"), rs.getLong("id"), new FeedPhoto(file.url(),
                            Format.JPEG.contentType(), file.byteSize(), file.width(), file.height(), rs.getString("alt"),
                            rs.getString("caption")));
                })
                .list()
                .forEach(row -> nearest.computeIfAbsent(row.articleId(), a -> new LinkedHashMap<>())
                        .merge(row.mediaId(), row.photo(), (a, b) ->
                                Math.abs(a.width() - FeedPhoto.WIDTH) <= Math.abs(b.width() - FeedPhoto.WIDTH) ? a : b));
        Map<Long, List<FeedPhoto>> shown = new HashMap<>();
        nearest.forEach((articleId, pictures) -> shown.put(articleId, List.copyOf(pictures.values())));
        return shown;
    }

    private Optional<Long> lead(long articleId) {
        return jdbc.sql("SELECT media_id FROM media_use WHERE article_id = :a AND role = 'lead' ORDER BY media_id")
                .param("a", articleId).query(Long.class).list().stream().findFirst();
    }

    private String thumbnail(long mediaId) {
        return images(repository.derivatives(mediaId), Crop.FULL, Format.JPEG).stream().findFirst()
                .map(LeadPhoto.Image::url).orElse("");
    }

    /** This crop in this format, narrowest first. */
    private static List<LeadPhoto.Image> images(List<Derivative> ready, Crop crop, Format format) {
        return ready.stream().filter(d -> d.crop() == crop && d.format() == format)
                .sorted(Comparator.comparingInt(Derivative::width))
                .map(d -> new LeadPhoto.Image(d.url(), d.width(), d.height()))
                .toList();
    }

    private static String label(MediaItem item) {
        String said = item.alt().isBlank() ? item.caption() : item.alt();
        String text = said.isBlank() ? item.filename() : said + " (" + item.filename() + ")";
        return "#" + item.id() + " " + (text.length() > 90 ? text.substring(0, 90) + "…" : text);
    }

    private static Long number(String typed) {
        try {
            long id = Long.parseLong(typed.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
