package news.dateline.wire;

import static news.dateline.platform.Rows.instant;
import static news.dateline.platform.Rows.millis;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wire items, their versions and what became of each file: the intake's writes. The desk reads in {@link WireQueue}. */
@Repository
class WireRepository {

    /**
     * An item as stored: its newest version's number and time decide whether another version is newer;
     * {@code hasVersion} says whether the version being taken (by its content hash) is stored already.
     */
    record StoredItem(long id, Long versionNumber, Instant versionCreated, String pubStatus, boolean hasVersion) {
    }

    /** One line of what became of a file, written with the others of its transaction in one batch. */
    record Event(long providerId, Instant at, String sourceName, String outcome, Long itemId, String detail) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WireRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The item and, in the same statement, whether a version with this content hash is among its versions. */
    Optional<StoredItem> find(long providerId, String guid, String hash) {
        return jdbc.sql("""
                        SELECT i.id, v.version_number, v.version_created, i.pub_status,
                               (SELECT COUNT(*) FROM wire_version h WHERE h.item_id = i.id AND h.content_hash = :hash)
                                   AS same
                        FROM wire_item i LEFT JOIN wire_version v ON v.id = i.current_version_id
                        WHERE i.provider_id = :provider AND i.guid = :guid""")
                .param("provider", providerId).param("guid", guid).param("hash", hash)
                .query((rs, n) -> {
                    long number = rs.getLong("version_number");
                    Long version = rs.wasNull() ? null : number;
                    return new StoredItem(rs.getLong("id"), version, instant(rs, "version_created"),
                            rs.getString("pub_status"), rs.getLong("same") > 0);
                })
                .optional();
    }

    long insertItem(long providerId, WireItem item, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wire_item (provider_id, guid, item_type, first_received_at, updated_at)
                        VALUES (:provider, :guid, :type, :now, :now)
                        RETURNING id""")
                .param("provider", providerId).param("guid", item.guid()).param("type", item.type())
                .param("now", now.toEpochMilli()).query(Long.class).single();
    }

    long insertVersion(long itemId, WireItem item, String hash, String sourceName, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wire_version (item_id, version_number, version_created, content_hash, format,
                                                  pub_status, urgency, headline, slugline, description, body_html,
                                                  byline, located, subjects, credit, embargoed_until, source_name,
                                                  received_at, associations)
                        VALUES (:item, :number, :created, :hash, :format, :status, :urgency, :headline, :slugline,
                                :description, :body, :byline, :located, :subjects, :credit, :embargo, :source, :now,
                                :associations)
                        RETURNING id""")
                .param("item", itemId).param("number", item.versionNumber())
                .param("created", millis(item.versionCreated())).param("hash", hash)
                .param("format", item.format()).param("status", item.pubStatus().column())
                .param("urgency", item.urgency()).param("headline", item.headline())
                .param("slugline", item.slugline()).param("description", item.description())
                .param("body", item.bodyHtml()).param("byline", item.byline()).param("located", item.located())
                .param("subjects", subjects(item)).param("credit", item.credit())
                .param("embargo", millis(item.embargoedUntil())).param("source", sourceName)
                .param("now", now.toEpochMilli())
                .param("associations", item.associated().isEmpty() ? ""
                        : "|" + String.join("|", item.associated()) + "|")
                .query(Long.class).single();
    }

    /** The library item a picture item became, if it did. */
    Optional<Long> mediaOf(long itemId) {
        return jdbc.sql("SELECT media_id FROM wire_item WHERE id = :id AND media_id IS NOT NULL").param("id", itemId)
                .query(Long.class).optional();
    }

    void media(long itemId, long mediaId) {
        jdbc.sql("UPDATE wire_item SET media_id = :media WHERE id = :id").param("media", mediaId).param("id", itemId)
                .update();
    }

    /** The item now shows this version in the queue. */
    void makeCurrent(long itemId, long versionId, WireItem item, Instant now) {
        jdbc.sql("""
                        UPDATE wire_item SET current_version_id = :version, item_type = :type, pub_status = :status,
                               urgency = :urgency, headline = :headline, slugline = :slugline, located = :located,
                               subjects = :subjects, version_label = :label, version_created = :created,
                               embargoed_until = :embargo, updated_at = :now
                        WHERE id = :id""")
                .param("version", versionId).param("type", item.type()).param("status", item.pubStatus().column())
                .param("urgency", item.urgency()).param("headline", item.headline())
                .param("slugline", item.slugline()).param("located", item.located())
                .param("subjects", subjects(item)).param("label", item.versionLabel())
                .param("created", millis(item.versionCreated())).param("embargo", millis(item.embargoedUntil()))
                .param("now", now.toEpochMilli()).param("id", itemId).update();
    }

    void event(long providerId, Instant at, String sourceName, String outcome, Long itemId, String detail) {
        jdbc.sql("""
                        INSERT INTO wire_event (provider_id, at, source_name, outcome, item_id, detail)
                        VALUES (:provider, :at, :source, :outcome, :item, :detail)""")
                .param("provider", providerId).param("at", at.toEpochMilli()).param("source", sourceName)
                .param("outcome", outcome).param("item", itemId).param("detail", detail).update();
    }

    /** Many lines at once: one statement prepared, run for each (a batch of files has one per item). */
    void events(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                        INSERT INTO wire_event (provider_id, at, source_name, outcome, item_id, detail)
                        VALUES (?, ?, ?, ?, ?, ?)""", events, events.size(), (ps, e) -> {
                    ps.setLong(1, e.providerId());
                    ps.setLong(2, e.at().toEpochMilli());
                    ps.setString(3, e.sourceName());
                    ps.setString(4, e.outcome());
                    if (e.itemId() == null) {
                        ps.setNull(5, Types.BIGINT);
                    } else {
                        ps.setLong(5, e.itemId());
                    }
                    ps.setString(6, e.detail());
                });
    }

    /** Subjects as one line, "|" between them, searchable with LIKE '%|name|%'. */
    private static String subjects(WireItem item) {
        return item.subjects().isEmpty() ? "" : "|" + String.join("|", item.subjects()) + "|";
    }
}
