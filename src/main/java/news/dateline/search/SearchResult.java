package news.dateline.search;

import news.dateline.platform.Moment;
import news.dateline.taxonomy.Section;

/** One story in the results: its headline and a passage with the reader's words marked. */
public record SearchResult(String path, Snippet headline, Section section, Moment published, Snippet snippet) {
}
