package news.dateline.search;

import java.util.List;
import news.dateline.taxonomy.Section;

/**
 * Everything the search page shows. The form fields are echoed as the reader sent them ({@code from} and
 * {@code to} too, when they could not be read), so nothing typed is lost.
 */
public record SearchPage(
        String query,
        String section,
        String from,
        String to,
        boolean newest,
        List<Section> sections,
        boolean searched,
        String summary,
        List<SearchResult> results,
        String emptyMessage,
        String suggestion,
        String suggestionLink,
        List<String> notices,
        int page,
        int pages,
        String previousLink,
        String nextLink,
        String relevanceLink,
        String newestLink) {
}
