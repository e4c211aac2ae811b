package news.dateline.taxonomy;

/** A section as the newsroom lists it, with how many articles (any status) it holds. */
public record SectionSummary(long id, String slug, String name, String description, int position, int articles) {
}
