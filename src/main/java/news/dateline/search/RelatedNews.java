package news.dateline.search;

import java.io.IOException;
import java.util.List;
import news.dateline.article.Article;
import news.dateline.article.ArticleRepository;
import news.dateline.article.Tag;
import news.dateline.article.Teaser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Related News for an article page, ranked by the index (see {@link RelatedRanking}). The database has the
 * last word: only stories it still has as published are shown. While the index is incomplete (being rebuilt)
 * or unavailable, the SQL ranking by shared tags and section stands in.
 */
@Component
public class RelatedNews {

    private static final Logger log = LoggerFactory.getLogger(RelatedNews.class);

    /** A few spare ids cover stories unpublished since the index last saw them. */
    private static final int SPARE = 3;

    private final SearchIndex index;
    private final ArticleRepository articles;

    RelatedNews(SearchIndex index, ArticleRepository articles) {
        this.index = index;
        this.articles = articles;
    }

    public List<Teaser> relatedTo(Article article, int limit) {
        if (!index.isComplete()) {
            return articles.related(article, limit);
        }
        try {
            IndexedArticle indexed = indexed(article);
            List<Long> ids = index.read(searcher -> RelatedRanking.relatedIds(searcher, indexed, limit + SPARE));
            return articles.publishedTeasers(ids).stream().limit(limit).toList();
        } catch (IOException | RuntimeException e) {
            log.warn("Related News from the index failed for article {}; using the SQL ranking.", article.id(), e);
            return articles.related(article, limit);
        }
    }

    private static IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.id(), article.section().slug(), article.headline(), article.standfirst(),
                PlainText.of(article.body()), article.datelinePlace(),
                article.tags().stream().map(Tag::name).toList(), article.publishedAt());
    }
}
