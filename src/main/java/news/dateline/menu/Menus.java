package news.dateline.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The menus as the reader's layout shows them: broken items left out, one level of nesting. */
@Component
public class Menus {

    public static final String HEADER = "header";
    public static final String FOOTER = "footer";

    private final MenuRepository items;

    Menus(MenuRepository items) {
        this.items = items;
    }

    public Navigation navigation() {
        return new Navigation(links(HEADER), links(FOOTER));
    }

    private List<MenuLink> links(String menu) {
        List<MenuItem> all = items.items(menu);
        List<MenuLink> top = new ArrayList<>();
        for (MenuItem item : all) {
            if (item.parentId() != null || item.broken()) {
                continue;
            }
            List<MenuLink> children = all.stream()
                    .filter(child -> Objects.equals(child.parentId(), item.id()) && !child.broken()
                            && child.href() != null)
                    .map(child -> new MenuLink(child.shownLabel(), child.href(), List.of()))
                    .toList();
            if (item.href() == null && children.isEmpty()) {
                continue; // a label that groups nothing readers can follow
            }
            top.add(new MenuLink(item.shownLabel(), item.href(), children));
        }
        return top;
    }
}
