package news.dateline.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import news.dateline.platform.change.UntilChanged;
import news.dateline.story.Article;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.taxonomy.Tag;
import org.apache.lucene.search.IndexSearcher;
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
    /**
     * Ranking is the costly part of an uncached article render (term statistics for every candidate). Its result
     * depends only on the article and the index's documents, so it is kept per content generation of the index
     * ({@link LuceneIndex#contentGeneration}): a change to a document makes a new generation and the ranking is
     * computed afresh, while a commit or a background merge, which move the reader's version, do not; nothing needs
     * invalidating.
     */
    private final Cache<RankingKey, List<Long>> rankings = Caffeine.newBuilder().maximumSize(10_000).build();

    private record RankingKey(long articleId, long contentGeneration, int limit) {
    }

    /** The ranked stories' rows (the database's last word), read once per change for the same ranking. */
    private record RelatedTeasers(List<Long> ids) {
    }

    private final UntilChanged untilChanged;

    RelatedNews(SearchIndex index, ArticleRepository articles, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.index = index;
        this.articles = articles;
    }

    public List<Teaser> relatedTo(Article article, int limit) {
        if (!index.isComplete()) {
            return articles.related(article, limit);
        }
        try {
            List<Long> ids = index.readKnowingContent(
                    (searcher, content) -> ranking(searcher, content, article, limit + SPARE));
            return untilChanged.get(new RelatedTeasers(ids),
                    () -> articles.publishedTeasers(ids)).stream().limit(limit).toList();
        } catch (IOException | RuntimeException e) {
            log.warn("Related News from the index failed for article {}; using the SQL ranking.", article.id(), e);
            return articles.related(article, limit);
        }
    }

    /**
     * The article's indexed form (its body as plain text, a Markdown parse) is made only when the ranking is not
     * kept yet: on every other render the key is all it takes.
     */
    private List<Long> ranking(IndexSearcher searcher, long content, Article article, int limit) throws IOException {
        try {
            return rankings.get(new RankingKey(article.id(), content, limit), key -> {
                try {
                    return List.copyOf(RelatedRanking.relatedIds(searcher, indexed(article), limit));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.id(), article.section().slug(), article.headline(), article.standfirst(),
                PlainText.of(article.body()), article.datelinePlace(),
                article.tags().stream().map(Tag::name).toList(), article.publishedAt());
    }
}
