package news.dateline.wire;

import java.time.Instant;
import java.util.Optional;
import news.dateline.story.hold.PublicationHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A story made from an embargoed item goes out at the embargo at the earliest: the item's newest version decides,
 * so a version that lifts or moves the embargo counts. Until then the story is scheduled, not published, so it is
 * on no page, feed, sitemap, search result or cached copy.
 */
@Component
class WireEmbargoes implements PublicationHolds {

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
}
