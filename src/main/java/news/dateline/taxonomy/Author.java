package news.dateline.taxonomy;

import news.dateline.platform.Slugs;

public record Author(long id, String slug, String name, String bio) {

    public String path() {
        return Slugs.inUrl("/author/" + slug);
    }
}
