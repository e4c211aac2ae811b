package news.dateline.article;

public record Tag(long id, String slug, String name) {

    public String path() {
        return "/tag/" + slug;
    }
}
