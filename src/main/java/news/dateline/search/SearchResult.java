package news.dateline.search;

import news.dateline.platform.Moment;
import news.dateline.story.photo.CardPhoto;
import news.dateline.taxonomy.Section;

/**
 * One story in the results: its headline and a passage with the reader's words marked.
 *
 * @param photo its lead photo as a listing's card shows it, or {@code null}
 */
public record SearchResult(String path, Snippet headline, Section section, Moment published, Snippet snippet,
        CardPhoto photo) {
}
