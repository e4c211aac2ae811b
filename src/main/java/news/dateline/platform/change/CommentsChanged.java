package news.dateline.platform.change;

import java.util.List;

/**
 * What readers see of an article's comments changed: one was published, approved, edited while public, or left
 * public view (spam, trash). Only that article's page shows them.
 */
public record CommentsChanged(long articleId) implements Change {

    static final String CODE = "comment";

    @Override
    public List<ChangeRow> rows() {
        return List.of(new ChangeRow(articleId, CODE, null));
    }
}
