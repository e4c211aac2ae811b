package news.dateline.menu;

import java.util.List;

/**
 * The menus every reader page shows: the header's and the footer's, each empty when the newsroom has not made
 * one (the layout then shows the sections, as before menus existed). Items whose section, page or tag is gone are
 * not in here.
 */
public record Navigation(List<MenuLink> header, List<MenuLink> footer) {

    public static final Navigation NONE = new Navigation(List.of(), List.of());

    public boolean hasHeader() {
        return !header.isEmpty();
    }

    public boolean hasFooter() {
        return !footer.isEmpty();
    }
}
