package news.dateline.front;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code front_pick} (slot 0: the lead; 1…: top stories) and {@code section_pin}. */
@Repository
public class FrontRepository {

    private final JdbcClient jdbc;

    FrontRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The choices as stored. */
    public FrontPicks picks() {
        Long lead = null;
        List<Long> top = new ArrayList<>();
        for (var row : jdbc.sql("SELECT slot, article_id FROM front_pick ORDER BY slot")
                .query((rs, n) -> new long[] {rs.getLong("slot"), rs.getLong("article_id")}).list()) {
            if (row[0] == 0) {
                lead = row[1];
            } else {
                top.add(row[1]);
            }
        }
        Map<Long, Long> pins = new LinkedHashMap<>();
        jdbc.sql("SELECT section_id, article_id FROM section_pin ORDER BY section_id")
                .query(rs -> {
                    pins.put(rs.getLong("section_id"), rs.getLong("article_id"));
                });
        return new FrontPicks(lead, List.copyOf(top), Map.copyOf(pins));
    }

    /** Replaces every choice with these (inside the caller's transaction). */
    void replace(FrontPicks picks) {
        jdbc.sql("DELETE FROM front_pick").update();
        if (picks.lead() != null) {
            insertPick(0, picks.lead());
        }
        for (int i = 0; i < picks.top().size(); i++) {
            insertPick(i + 1, picks.top().get(i));
        }
        jdbc.sql("DELETE FROM section_pin").update();
        picks.pins().forEach((section, article) -> jdbc.sql(
                        "INSERT INTO section_pin (section_id, article_id) VALUES (:section, :article)")
                .param("section", section).param("article", article).update());
    }

    private void insertPick(long slot, long articleId) {
        jdbc.sql("INSERT INTO front_pick (slot, article_id) VALUES (:slot, :article)")
                .param("slot", slot).param("article", articleId).update();
    }
}
