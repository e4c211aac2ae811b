package news.dateline.menu;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.dateline.page.Page;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.TagSummary;

/**
 * The menus screen's model: both menus as stored (broken items included, with their warning), what an item can
 * point at, and the add form as typed with the message beside each field.
 */
public record MenusScreen(List<MenuItem> header, List<MenuItem> footer, List<Section> sections, List<Page> pages,
        List<TagSummary> tags, MenuService.NewItem form, Map<String, String> problems, String notice,
        String problem) {

    public String error(String field) {
        return problems.get(field);
    }

    public List<MenuItem> topLevel(List<MenuItem> items) {
        return items.stream().filter(i -> i.parentId() == null).toList();
    }

    public List<MenuItem> under(List<MenuItem> items, MenuItem parent) {
        return items.stream().filter(i -> Objects.equals(i.parentId(), parent.id())).toList();
    }

    public int brokenCount() {
        return (int) (header.stream().filter(MenuItem::broken).count()
                + footer.stream().filter(MenuItem::broken).count());
    }

    public boolean selected(String target) {
        return form.target().equals(target);
    }
}
