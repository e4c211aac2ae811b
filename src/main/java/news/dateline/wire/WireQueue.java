package news.dateline.wire;

import static news.dateline.platform.Rows.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the desk reads: the queue with its filters and search, one item with its newest version, the providers. */
@Repository
public class WireQueue {

    static final int PAGE = 100;

    /** A line of the queue. {@code storyId} is the newest story made from the item, if any. */
    public record Line(long id, String provider, Integer urgency, String headline, String slugline, String located,
            String version, Instant embargoedUntil, String pubStatus, Instant updatedAt, Long storyId,
            boolean updateAvailable, Long mediaId) {

        public boolean flash() {
            return urgency != null && urgency <= 2;
        }
    }

    /** An item with the fields of its newest version, for the preview and for "Use". */
    public record Item(long id, long providerId, String provider, String providerCredit, String guid, long versionId,
            String format, Integer urgency, String pubStatus, String headline, String slugline, String description,
            String bodyHtml, String byline, String located, String subjects, String credit, String version,
            Instant versionCreated, Instant embargoedUntil, Instant receivedAt) {
    }

    /** The queue's filters: provider id, urgency at most, a subject, words to find. Null or blank: any. */
    public record Filter(Long provider, Integer urgency, String subject, String q) {

        public Filter {
            subject = subject == null ? "" : subject.strip();
            q = q == null ? "" : q.strip();
        }
    }

    /** A provider on the desk: how many items, how many files refused, when it last sent anything. */
    public record ProviderLine(long id, String name, long items, long errors, Instant lastReceivedAt, int expectedMinutes) {
    }

    private final JdbcClient jdbc;

    WireQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Line> lines(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, p.name AS provider, i.urgency, i.headline, i.slugline, i.located, i.version_label,
                       i.embargoed_until, i.pub_status, i.updated_at, i.media_id,
                       (SELECT MAX(s.article_id) FROM wire_story s WHERE s.item_id = i.id) AS story_id,
                       (SELECT COUNT(*) FROM wire_story s WHERE s.item_id = i.id
                            AND s.version_id <> i.current_version_id
                            AND (s.dismissed_version_id IS NULL OR s.dismissed_version_id <> i.current_version_id))
                           AS updates
                FROM wire_item i JOIN wire_provider p ON p.id = i.provider_id
                LEFT JOIN wire_version v ON v.id = i.current_version_id
                WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (filter.provider() != null) {
            sql.append(" AND i.provider_id = ?");
            params.add(filter.provider());
        }
        if (filter.urgency() != null) {
            sql.append(" AND i.urgency IS NOT NULL AND i.urgency <= ?");
            params.add(filter.urgency());
        }
        if (!filter.subject().isEmpty()) {
            sql.append(" AND LOWER(i.subjects) LIKE ? ESCAPE '\\'");
            params.add("%|" + like(filter.subject()) + "|%");
        }
        for (String word : filter.q().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                sql.append(" AND (LOWER(i.headline) LIKE ? ESCAPE '\\' OR LOWER(i.slugline) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(v.description) LIKE ? ESCAPE '\\' OR LOWER(v.body_html) LIKE ? ESCAPE '\\')");
                String pattern = "%" + like(word) + "%";
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
            }
        }
        sql.append(" ORDER BY i.updated_at DESC, i.id DESC LIMIT ").append(PAGE);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> {
                    int urgency = rs.getInt("urgency");
                    Integer u = rs.wasNull() ? null : urgency;
                    long story = rs.getLong("story_id");
                    Long s = rs.wasNull() ? null : story;
                    long media = rs.getLong("media_id");
                    Long m = rs.wasNull() ? null : media;
                    return new Line(rs.getLong("id"), rs.getString("provider"), u, rs.getString("headline"),
                            rs.getString("slugline"), rs.getString("located"), rs.getString("version_label"),
                            instant(rs, "embargoed_until"), rs.getString("pub_status"), instant(rs, "updated_at"), s,
                            rs.getLong("updates") > 0, m);
                })
                .list();
    }

    Optional<Item> find(long id) {
        return item("""
                SELECT i.id, i.provider_id, p.name AS provider, p.source_credit, i.guid, v.id AS version_id,
                       v.format, v.urgency, v.pub_status, v.headline, v.slugline, v.description, v.body_html,
                       v.byline, v.located, v.subjects, v.credit, i.version_label, v.version_created,
                       v.embargoed_until, v.received_at
                FROM wire_item i JOIN wire_provider p ON p.id = i.provider_id
                JOIN wire_version v ON v.id = i.current_version_id
                WHERE i.id = :id""", id);
    }

    /** The item with the fields of one of its versions (the one a story was made from, say). */
    public Optional<Item> version(long versionId) {
        return item("""
                SELECT i.id, i.provider_id, p.name AS provider, p.source_credit, i.guid, v.id AS version_id,
                       v.format, v.urgency, v.pub_status, v.headline, v.slugline, v.description, v.body_html,
                       v.byline, v.located, v.subjects, v.credit,
                       COALESCE(CAST(v.version_number AS TEXT), '') AS version_label, v.version_created,
                       v.embargoed_until, v.received_at
                FROM wire_version v JOIN wire_item i ON i.id = v.item_id
                JOIN wire_provider p ON p.id = i.provider_id
                WHERE v.id = :id""", versionId);
    }

    private Optional<Item> item(String sql, long id) {
        return jdbc.sql(sql)
                .param("id", id)
                .query((rs, n) -> {
                    int urgency = rs.getInt("urgency");
                    Integer u = rs.wasNull() ? null : urgency;
                    return new Item(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("provider"),
                            rs.getString("source_credit"), rs.getString("guid"), rs.getLong("version_id"),
                            rs.getString("format"), u, rs.getString("pub_status"), rs.getString("headline"),
                            rs.getString("slugline"), rs.getString("description"), rs.getString("body_html"),
                            rs.getString("byline"), rs.getString("located"), rs.getString("subjects"),
                            rs.getString("credit"), rs.getString("version_label"), instant(rs, "version_created"),
                            instant(rs, "embargoed_until"), instant(rs, "received_at"));
                })
                .optional();
    }

    List<ProviderLine> providers() {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.last_received_at, p.expected_minutes,
                               (SELECT COUNT(*) FROM wire_item i WHERE i.provider_id = p.id) AS items,
                               (SELECT COUNT(*) FROM wire_event e WHERE e.provider_id = p.id AND e.outcome = 'error')
                                   AS errors
                        FROM wire_provider p ORDER BY p.name""")
                .query((rs, n) -> new ProviderLine(rs.getLong("id"), rs.getString("name"), rs.getLong("items"),
                        rs.getLong("errors"), instant(rs, "last_received_at"), rs.getInt("expected_minutes")))
                .list();
    }

    /** One kill carried out: which item, how many stories, from the notice arriving to the last one withdrawn. */
    public record Kill(long id, String headline, String guid, int stories, Instant noticeAt, Instant withdrawnAt,
            String doneBy) {

        public long millis() {
            return withdrawnAt.toEpochMilli() - noticeAt.toEpochMilli();
        }
    }

    List<Kill> kills() {
        return jdbc.sql("""
                        SELECT k.id, i.headline, i.guid, k.stories, k.notice_at, k.withdrawn_at, k.done_by
                        FROM wire_kill k JOIN wire_item i ON i.id = k.item_id
                        ORDER BY k.notice_at DESC, k.id DESC LIMIT 200""")
                .query((rs, n) -> new Kill(rs.getLong("id"), rs.getString("headline"), rs.getString("guid"),
                        rs.getInt("stories"), instant(rs, "notice_at"), instant(rs, "withdrawn_at"),
                        rs.getString("done_by")))
                .list();
    }

    /** The library item a picture item became. */
    Optional<Long> mediaOf(long itemId) {
        return jdbc.sql("SELECT media_id FROM wire_item WHERE id = :id AND media_id IS NOT NULL").param("id", itemId)
                .query(Long.class).optional();
    }

    /**
     * The library item of the first picture this version associates (by guid, from the same provider) that the
     * library has and the agency has not killed; empty when none.
     */
    Optional<Long> associatedPicture(long versionId) {
        String associations = jdbc.sql("SELECT associations FROM wire_version WHERE id = :id").param("id", versionId)
                .query(String.class).optional().orElse("");
        for (String guid : associations.split("\\|")) {
            if (guid.isBlank()) {
                continue;
            }
            Optional<Long> media = jdbc.sql("""
                            SELECT p.media_id FROM wire_item p
                            JOIN wire_version v ON v.id = :version JOIN wire_item t ON t.id = v.item_id
                            WHERE p.provider_id = t.provider_id AND p.guid = :guid AND p.media_id IS NOT NULL
                              AND p.pub_status <> 'canceled'""")
                    .param("version", versionId).param("guid", guid).query(Long.class).optional();
            if (media.isPresent()) {
                return media;
            }
        }
        return Optional.empty();
    }

    /** Staff authors whose name is one of the item's bylines, in the byline's order. */
    List<Long> authorsNamed(List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            jdbc.sql("SELECT id FROM author WHERE LOWER(name) = LOWER(:name) ORDER BY id LIMIT 1")
                    .param("name", name).query(Long.class).optional().ifPresent(ids::add);
        }
        return ids;
    }

    boolean slugTaken(long sectionId, String slug) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM article WHERE section_id = :section AND slug = :slug)
                             + (SELECT COUNT(*) FROM article_slug_history WHERE section_id = :section AND slug = :slug)""")
                .param("section", sectionId).param("slug", slug).query(Long.class).single() > 0;
    }

    private static String like(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
