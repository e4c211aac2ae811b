package news.dateline.article;

public record Section(long id, String slug, String name, String description) {

    public String path() {
        return "/" + slug + "/";
    }
}
