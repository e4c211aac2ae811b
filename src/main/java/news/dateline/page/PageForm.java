package news.dateline.page;

/** What the page editor sends, kept as typed so a refused form comes back with it. */
public record PageForm(String title, String slug, String parent, String body) {

    public PageForm {
        title = title == null ? "" : title;
        slug = slug == null ? "" : slug;
        parent = parent == null ? "" : parent;
        body = body == null ? "" : body;
    }

    static PageForm blank() {
        return new PageForm("", "", "", "");
    }

    static PageForm of(Page page) {
        return new PageForm(page.title(), page.slug(), page.parentId() == null ? "" : page.parentId().toString(),
                page.body());
    }
}
