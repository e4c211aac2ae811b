package news.dateline.taxonomy;

import news.dateline.platform.Slugs;

/** A tag as the newsroom lists it, with how many articles (any status) carry it. */
public record TagSummary(long id, String slug, String name, int articles) {

    public String path() {
        return Slugs.inUrl("/tag/" + slug);
    }
}
