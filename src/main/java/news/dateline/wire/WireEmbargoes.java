package news.dateline.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import news.dateline.story.hold.PublicationHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story made from an embargoed item goes out at the embargo at the earliest: the item's newest version decides,
 * so a version that lifts or moves the embargo counts. Until then the story is scheduled, not published, so it is
 * on no page, feed, sitemap, search result or cached copy.
 *
 * <p>A story made from an item the agency killed may never go out again, and one made from an item it withheld
 * waits until a usable version arrives: {@link #barred} names the item, the agency and (for a kill) when, so the
 * editor and the API say why publishing and scheduling are refused.
 */
@Component
class WireEmbargoes implements PublicationHolds {

    static final String KILLED = "Killed by the agency: this story was made from the wire item \u201c%s\u201d (%s), "
            + "which %s killed at %s UTC. A killed story may not be published or scheduled again.";
    static final String WITHHELD = "Withheld by the agency: this story was made from the wire item \u201c%s\u201d "
            + "(%s), which %s has withheld. It can be published once a usable version of the item arrives.";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;

    WireEmbargoes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> heldUntil(long articleId, Instant now) {
        return jdbc.sql("""
                        SELECT i.embargoed_until FROM wire_story s JOIN wire_item i ON i.id = s.item_id
                        WHERE s.article_id = :article AND i.embargoed_until IS NOT NULL""")
                .param("article", articleId).query(Long.class).optional()
                .map(Instant::ofEpochMilli).filter(until -> until.isAfter(now));
    }

    @Override
    public Optional<String> barred(long articleId) {
        return jdbc.sql("""
                        SELECT i.guid, i.headline, i.pub_status, p.name,
                               (SELECT MAX(k.notice_at) FROM wire_kill k WHERE k.item_id = i.id) AS killed_at
                        FROM wire_story s JOIN wire_item i ON i.id = s.item_id
                        JOIN wire_provider p ON p.id = i.provider_id
                        WHERE s.article_id = :article AND i.pub_status IN ('canceled', 'withheld')""")
                .param("article", articleId)
                .query((rs, n) -> {
                    long killedAt = rs.getLong("killed_at");
                    String when = rs.wasNull() ? "an unknown time" : AT.format(Instant.ofEpochMilli(killedAt));
                    return "canceled".equals(rs.getString("pub_status"))
                            ? KILLED.formatted(rs.getString("headline"), rs.getString("guid"), rs.getString("name"), when)
                            : WITHHELD.formatted(rs.getString("headline"), rs.getString("guid"), rs.getString("name"));
                })
                .optional();
    }
}
