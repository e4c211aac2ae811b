package news.dateline.platform.change;

import java.util.List;

/**
 * Stories came in from an import in one transaction. One row per story, so another node re-reads each; one event
 * on this node, so the index takes them in one pass and the cache is cleared once, not thousands of times.
 */
public record StoriesImported(List<Long> articleIds) implements Change {

    static final String CODE = "imported";

    public StoriesImported {
        articleIds = List.copyOf(articleIds);
    }

    @Override
    public List<ChangeRow> rows() {
        return articleIds.stream().map(id -> new ChangeRow(id, CODE, null)).toList();
    }
}
