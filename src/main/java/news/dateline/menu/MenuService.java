package news.dateline.menu;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteContentChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the header and footer menus: editors and admins change them; an item points at a section, page
 * or tag that exists, or at an outside address with a safe scheme; items nest one level under a top-level item of
 * the same menu. Each change is one transaction with a recorded {@link SiteContentChanged}, so every cached page
 * gets the new menu.
 */
@Service
public class MenuService {

    static final String ONLY_EDITORS = "Only editors and admins change the menus.";
    static final String NO_SUCH_MENU = "Choose the header or the footer menu.";
    static final String CHOOSE_TARGET = "Choose a section, a page, a tag or an outside address.";
    static final String TARGET_GONE = "That no longer exists: choose another.";
    static final String NEED_URL = "Enter the address, such as https://example.org/ or /pages/about.";
    static final String UNSAFE_URL = "Use an address starting with https://, http://, mailto: or /.";
    static final String NEED_LABEL = "An outside address needs a label for readers.";
    static final String LABEL_TOO_LONG = "Keep the label under 80 characters.";
    static final String BAD_PARENT = "Items nest one level deep, under a top-level item of the same menu.";

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private final MenuRepository items;
    private final ChangeLog changes;

    MenuService(MenuRepository items, ChangeLog changes) {
        this.items = items;
        this.changes = changes;
    }

    /** What the add form sends, as typed: {@code target} is "section:3", "page:7", "tag:12" or "link". */
    public record NewItem(String menu, String target, String label, String url, String parent) {

        public NewItem {
            menu = menu == null ? "" : menu;
            target = target == null ? "" : target;
            label = label == null ? "" : label;
            url = url == null ? "" : url;
            parent = parent == null ? "" : parent;
        }
    }

    @Transactional
    public long add(ActingAccount by, NewItem form) {
        mayChange(by);
        Map<String, String> problems = new LinkedHashMap<>();
        String menu = form.menu().strip();
        if (!Menus.HEADER.equals(menu) && !Menus.FOOTER.equals(menu)) {
            problems.put("menu", NO_SUCH_MENU);
        }
        MenuItem.Kind kind = null;
        Long targetId = null;
        String target = form.target().strip();
        if (target.equals("link")) {
            kind = MenuItem.Kind.LINK;
        } else if (target.matches("(section|page|tag):\\d{1,18}")) {
            kind = MenuItem.Kind.fromColumn(target.substring(0, target.indexOf(':')));
            targetId = Long.parseLong(target.substring(target.indexOf(':') + 1));
            if (!items.exists(kind, targetId)) {
                problems.put("target", TARGET_GONE);
            }
        } else {
            problems.put("target", CHOOSE_TARGET);
        }
        String label = form.label().strip();
        if (label.length() > 80) {
            problems.put("label", LABEL_TOO_LONG);
        }
        String url = form.url().strip();
        if (kind == MenuItem.Kind.LINK) {
            if (url.isEmpty()) {
                problems.put("url", NEED_URL);
            } else if (!isSafe(url)) {
                problems.put("url", UNSAFE_URL);
            }
            if (label.isEmpty() && !problems.containsKey("label")) {
                problems.put("label", NEED_LABEL);
            }
        } else {
            url = "";
        }
        Long parentId = null;
        if (!form.parent().isBlank()) {
            parentId = parentOf(form.parent().strip(), menu);
            if (parentId == null) {
                problems.put("parent", BAD_PARENT);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The item was not added: see the fields marked.", problems);
        }
        long id = items.insert(menu, parentId, label, kind, targetId, url, null);
        changed();
        return id;
    }

    @Transactional
    public void delete(ActingAccount by, long id) {
        mayChange(by);
        existing(id);
        items.delete(id);
        changed();
    }

    /** Moves an item before the previous or after the next item at its level; at either end, nothing moves. */
    @Transactional
    public void move(ActingAccount by, long id, boolean up) {
        mayChange(by);
        MenuItem item = existing(id);
        List<MenuItem> siblings = items.items(item.menu()).stream()
                .filter(other -> Objects.equals(other.parentId(), item.parentId())).toList();
        int at = siblings.indexOf(siblings.stream().filter(s -> s.id() == id).findFirst().orElseThrow());
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= siblings.size()) {
            return;
        }
        MenuItem other = siblings.get(to);
        items.setPosition(item.id(), other.position());
        items.setPosition(other.id(), item.position());
        changed();
    }

    /**
     * An item from a WordPress export ({@code nav_menu_item}); returns its id, or the id it got in an earlier
     * import of the same file. The caller has checked the target and the address.
     */
    @Transactional
    public long importItem(String wpKey, String menu, Long parentId, String label, MenuItem.Kind kind,
            Long targetId, String url) {
        var known = items.idByWpKey(wpKey);
        if (known.isPresent()) {
            return known.get();
        }
        long id = items.insert(menu, parentId, label, kind, targetId, url, wpKey);
        changed();
        return id;
    }

    /** Whether an item with this WordPress key was imported before. */
    public boolean isImported(String wpKey) {
        return items.idByWpKey(wpKey).isPresent();
    }

    /** Whether the menu holds items other than those with these WordPress keys (made in the newsroom, say). */
    public boolean hasOtherItems(String menu, List<String> wpKeys) {
        return items.countOthers(menu, wpKeys) > 0;
    }

    /** Whether a menu's address is one a reader can follow without harm: http(s), mailto, or this site's path. */
    public static boolean isSafe(String url) {
        if (url.startsWith("/")) {
            return !url.startsWith("//") && !url.startsWith("/\\") && url.chars().noneMatch(Character::isISOControl);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
                    && (!scheme.toLowerCase(Locale.ROOT).startsWith("http") || uri.getHost() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Long parentOf(String text, String menu) {
        try {
            return items.item(Long.parseLong(text))
                    .filter(p -> p.parentId() == null && p.menu().equals(menu))
                    .map(MenuItem::id).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private MenuItem existing(long id) {
        return items.item(id).orElseThrow(() -> Refusal.notFound("There is no menu item " + id + "."));
    }

    private void changed() {
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.MENU_SAVED));
    }

    private static void mayChange(ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(ONLY_EDITORS);
        }
    }
}
