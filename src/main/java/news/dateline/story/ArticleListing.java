package news.dateline.story;

import java.time.Instant;
import java.util.List;
import news.dateline.taxonomy.Author;

/** One row of the newsroom's article list. */
public record ArticleListing(
        long id,
        String headline,
        String sectionName,
        String path,
        ArticleStatus status,
        Instant modifiedAt,
        Instant publishedAt,
        Instant scheduledFor,
        boolean pendingUpdate,
        String createdBy,
        List<Author> authors) {

    ArticleListing withBylines(List<Author> bylines) {
        return new ArticleListing(id, headline, sectionName, path, status, modifiedAt, publishedAt, scheduledFor,
                pendingUpdate, createdBy, bylines);
    }
}
