package news.dateline.story;

import java.util.List;

/** The newsroom's article list as filtered. */
public record ArticleList(String status, boolean mine, List<Row> rows) {

    public record Row(EditorialRepository.ArticleListing article, String when) {
    }
}
