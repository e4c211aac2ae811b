package news.dateline.taxonomy;

import news.dateline.platform.Slugs;

/** A section as the newsroom lists it, with how many articles (any status) it holds. */
public record SectionSummary(long id, String slug, String name, String description, int position, int articles) {

    public String path() {
        return Slugs.inUrl("/" + slug + "/");
    }
}
