package news.dateline.story;

import java.time.Instant;
import java.util.List;

/** Everything needed to store a new article. Tags are names; unknown ones are created. */
public record NewArticle(
        long sectionId,
        String slug,
        String headline,
        String standfirst,
        String body,
        String datelinePlace,
        String sourceCredit,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        List<Long> authorIds,
        List<String> tagNames) {
}
