package news.dateline.front;

import java.util.List;
import java.util.Map;

/**
 * What editors chose for the front page: the lead story (null: the newest leads), the top stories in order, and the
 * story pinned to the top of each section (section id to article id). Ids only: a story that is no longer published
 * is simply left out by whoever shows the choice.
 */
public record FrontPicks(Long lead, List<Long> top, Map<Long, Long> pins) {

    /** The most top stories an editor may choose. */
    public static final int MAX_TOP = 6;

    public static FrontPicks none() {
        return new FrontPicks(null, List.of(), Map.of());
    }
}
