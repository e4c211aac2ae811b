package news.dateline.taxonomy;

public record Tag(long id, String slug, String name) {

    public String path() {
        return "/tag/" + slug;
    }
}
