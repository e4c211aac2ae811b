package news.dateline.taxonomy;

public record Author(long id, String slug, String name, String bio) {

    public String path() {
        return "/author/" + slug;
    }
}
