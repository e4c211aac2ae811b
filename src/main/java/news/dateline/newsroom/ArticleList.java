package news.dateline.newsroom;

import java.util.List;
import news.dateline.article.ArticleListing;

/** The newsroom's article list as filtered. */
public record ArticleList(String status, boolean mine, List<Row> rows) {

    public record Row(ArticleListing article, String when) {
    }
}
