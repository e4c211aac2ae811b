package news.dateline.wire;

import static news.dateline.platform.Rows.instant;
import static news.dateline.platform.Rows.millis;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wire items, their versions and what became of each file: the intake's writes. The desk reads in {@link WireQueue}. */
@Repository
class WireRepository {

    /** An item as stored: its newest version's number and time decide whether another version is newer. */
    record StoredItem(long id, Long versionNumber, Instant versionCreated, String pubStatus) {
    }

    private final JdbcClient jdbc;

    WireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredItem> find(long providerId, String guid) {
        return jdbc.sql("""
                        SELECT i.id, v.version_number, v.version_created, i.pub_status
                        FROM wire_item i LEFT JOIN wire_version v ON v.id = i.current_version_id
                        WHERE i.provider_id = :provider AND i.guid = :guid""")
                .param("provider", providerId).param("guid", guid)
                .query((rs, n) -> {
                    long number = rs.getLong("version_number");
                    Long version = rs.wasNull() ? null : number;
                    return new StoredItem(rs.getLong("id"), version, instant(rs, "version_created"),
                            rs.getString("pub_status"));
                })
                .optional();
    }

    boolean hasVersion(long itemId, String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM wire_version WHERE item_id = :item AND content_hash = :hash")
                .param("item", itemId).param("hash", hash).query(Long.class).single() > 0;
    }

    long insertItem(long providerId, WireItem item, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wire_item (provider_id, guid, item_type, first_received_at, updated_at)
                        VALUES (:provider, :guid, :type, :now, :now)
                        RETURNING id""")
                .param("provider", providerId).param("guid", item.guid()).param("type", item.type())
                .param("now", now.toEpochMilli()).query(Long.class).single();
    }

    long insertVersion(long itemId, WireItem item, String sourceName, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wire_version (item_id, version_number, version_created, content_hash, format,
                                                  pub_status, urgency, headline, slugline, description, body_html,
                                                  byline, located, subjects, credit, embargoed_until, source_name,
                                                  received_at)
                        VALUES (:item, :number, :created, :hash, :format, :status, :urgency, :headline, :slugline,
                                :description, :body, :byline, :located, :subjects, :credit, :embargo, :source, :now)
                        RETURNING id""")
                .param("item", itemId).param("number", item.versionNumber())
                .param("created", millis(item.versionCreated())).param("hash", item.contentHash())
                .param("format", item.format()).param("status", item.pubStatus().column())
                .param("urgency", item.urgency()).param("headline", item.headline())
                .param("slugline", item.slugline()).param("description", item.description())
                .param("body", item.bodyHtml()).param("byline", item.byline()).param("located", item.located())
                .param("subjects", subjects(item)).param("credit", item.credit())
                .param("embargo", millis(item.embargoedUntil())).param("source", sourceName)
                .param("now", now.toEpochMilli())
                .query(Long.class).single();
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

    /** Subjects as one line, "|" between them, searchable with LIKE '%|name|%'. */
    private static String subjects(WireItem item) {
        return item.subjects().isEmpty() ? "" : "|" + String.join("|", item.subjects()) + "|";
    }
}
