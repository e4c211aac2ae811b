package news.dateline.taxonomy;

/** A tag as the newsroom lists it, with how many articles (any status) carry it. */
public record TagSummary(long id, String slug, String name, int articles) {
}
