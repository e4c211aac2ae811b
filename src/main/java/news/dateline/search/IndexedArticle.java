package news.dateline.search;

import java.time.Instant;
import java.util.List;

/** What the index holds of one published article. {@code body} is plain text, Markdown already removed. */
record IndexedArticle(
        long id,
        String sectionSlug,
        String headline,
        String standfirst,
        String body,
        String place,
        List<String> tags,
        Instant publishedAt) {
}
