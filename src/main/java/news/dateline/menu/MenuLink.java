package news.dateline.menu;

import java.util.List;

/**
 * One entry of a menu as readers get it: its label, where it leads (null for a label that only groups its
 * children, as WordPress's "#" items do), and the entries under it (one level).
 */
public record MenuLink(String label, String href, List<MenuLink> children) {
}
