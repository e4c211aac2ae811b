package news.dateline.taxonomy;

import news.dateline.platform.Slugs;

public record Tag(long id, String slug, String name) {

    public String path() {
        return Slugs.inUrl("/tag/" + slug);
    }
}
