package news.dateline.interchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import news.dateline.interchange.WxrRecords.Item;
import news.dateline.menu.MenuItem;
import news.dateline.menu.MenuService;
import org.jsoup.Jsoup;

/**
 * WordPress menus ({@code nav_menu_item}s) become the header and footer menus, once the whole file is read (an
 * item may point at a page or category that comes later). WordPress has any number of menus, placed by the theme
 * (which the export does not say); here there are two: the header takes the menu named like one (primary, main,
 * header, top…), else the first in the file; the footer the one named like a footer (footer, social, secondary…).
 * The others are skipped and counted. Deeper items hang under their top-level item (one level of nesting here).
 */
final class MenuImport {

    static final String MENU_META = "wxr:nav_menu";
    static final String ORDER_META = "wxr:menu_order";
    static final String OTHER_MENU = "menu item of a third menu (Dateline has a header and a footer menu)";
    static final String UNSAFE = "menu item with an address that is not http(s), mailto or a path here";
    static final String TARGET_MISSING = "menu item pointing at something not imported";
    static final String MENU_TAKEN = "menu item for a menu the site already has";
    static final String FLATTENED = "menu item nested deeper than one level moved under its top-level item";

    private static final Pattern HEADER = Pattern.compile("(?i).*(primary|main|header|top|navigation).*");
    private static final Pattern FOOTER = Pattern.compile("(?i).*(footer|social|secondary|bottom).*");

    private record Pending(String key, long postId, String menu, int order, String title, String type,
            String object, Long objectId, Long parent, String url, String describe) {
    }

    private final MenuService service;
    private final ImportRepository repo;
    private final PageImport pages;
    private final ImportSummary summary;
    private final List<Pending> pending = new ArrayList<>();

    MenuImport(MenuService service, ImportRepository repo, PageImport pages, ImportSummary summary) {
        this.service = service;
        this.repo = repo;
        this.pages = pages;
        this.summary = summary;
    }

    void item(Item item, String key, long postId, String describe) {
        Map<String, String> meta = item.meta();
        Long order = WxrFields.number(meta.getOrDefault(ORDER_META, "0"));
        pending.add(new Pending(key, postId, meta.getOrDefault(MENU_META, ""), order == null ? 0 : order.intValue(),
                Jsoup.parseBodyFragment(item.title()).text().strip(), meta.getOrDefault("_menu_item_type", ""),
                meta.getOrDefault("_menu_item_object", ""), WxrFields.number(meta.getOrDefault("_menu_item_object_id", "")),
                WxrFields.number(meta.getOrDefault("_menu_item_menu_item_parent", "0")),
                meta.getOrDefault("_menu_item_url", "").strip(), describe));
    }

    /** After the last item: the two menus, in WordPress's order. */
    void build() {
        List<String> menus = pending.stream().map(Pending::menu).filter(m -> !m.isEmpty()).distinct().toList();
        String header = menus.stream().filter(m -> HEADER.matcher(m).matches()).findFirst()
                .orElse(menus.stream().filter(m -> !FOOTER.matcher(m).matches()).findFirst().orElse(null));
        String footer = menus.stream().filter(m -> !m.equals(header) && FOOTER.matcher(m).matches()).findFirst()
                .orElse(null);
        // A menu the newsroom made is not replaced (one from an earlier import of this file is left as it is).
        boolean headerTaken = service.hasOtherItems("header", keys(header));
        boolean footerTaken = service.hasOtherItems("footer", keys(footer));
        Map<Long, Pending> byPostId = new HashMap<>();
        pending.forEach(p -> byPostId.put(p.postId(), p));
        Map<Long, Long> created = new LinkedHashMap<>(); // WordPress item id → ours, top-level items only
        List<Pending> ordered = pending.stream().sorted(Comparator.comparingInt(Pending::order)).toList();
        // Top-level items first, so the items under them find their parent.
        for (boolean topLevel : new boolean[] {true, false}) {
            for (Pending item : ordered) {
                String menu = item.menu().equals(header) ? "header" : item.menu().equals(footer) ? "footer" : null;
                if (menu == null) {
                    if (topLevel) {
                        summary.skipped(OTHER_MENU, item.describe());
                    }
                    continue;
                }
                if (menu.equals("header") ? headerTaken : footerTaken) {
                    if (topLevel) {
                        summary.skipped(MENU_TAKEN, item.describe());
                    }
                    continue;
                }
                Pending top = topOf(item, byPostId);
                if ((top == item) != topLevel) {
                    continue;
                }
                Long parentId = null;
                if (!topLevel) {
                    parentId = created.get(top.postId());
                    if (parentId == null) {
                        summary.skipped(TARGET_MISSING, item.describe()); // its top-level item could not be made
                        continue;
                    }
                    if (byPostId.get(item.parent()) != top) {
                        summary.note(FLATTENED);
                    }
                }
                boolean known = service.isImported(item.key());
                Long id = place(item, menu, parentId, topLevel);
                if (id != null) {
                    if (known) {
                        summary.unchanged("menu items");
                    } else {
                        summary.imported("menu items");
                    }
                    if (topLevel) {
                        created.put(item.postId(), id);
                    }
                }
            }
        }
    }

    private Long place(Pending item, String menu, Long parentId, boolean topLevel) {
        MenuItem.Kind kind;
        Long target = null;
        String url = "";
        switch (item.type()) {
            case "taxonomy" -> {
                kind = "post_tag".equals(item.object()) ? MenuItem.Kind.TAG : MenuItem.Kind.SECTION;
                target = item.objectId() == null ? null
                        : repo.mappedById(kind == MenuItem.Kind.TAG ? "tag" : "section", item.objectId()).orElse(null);
            }
            case "post_type" -> {
                if ("page".equals(item.object())) {
                    kind = MenuItem.Kind.PAGE;
                    target = item.objectId() == null ? null : pages.pageFor(item.objectId());
                } else {
                    summary.skipped(TARGET_MISSING, item.describe());
                    return null;
                }
            }
            default -> {
                kind = MenuItem.Kind.LINK;
                url = item.url().equals("#") ? "" : item.url();
                if (!url.isEmpty() && !MenuService.isSafe(url)) {
                    summary.skipped(UNSAFE, item.describe());
                    return null;
                }
                if (url.isEmpty() && !topLevel) {
                    summary.skipped(TARGET_MISSING, item.describe()); // a "#" label under another groups nothing
                    return null;
                }
            }
        }
        if (kind != MenuItem.Kind.LINK && target == null) {
            summary.skipped(TARGET_MISSING, item.describe());
            return null;
        }
        String label = item.title().length() > 80 ? item.title().substring(0, 80) : item.title();
        return service.importItem(item.key(), menu, parentId, label, kind, target, url);
    }

    private List<String> keys(String menu) {
        return pending.stream().filter(p -> p.menu().equals(menu)).map(Pending::key).toList();
    }

    /** The item's top-level ancestor in WordPress (itself when it has none, or a loop). */
    private static Pending topOf(Pending item, Map<Long, Pending> byPostId) {
        Pending at = item;
        for (int guard = 0; guard < 64; guard++) {
            Pending parent = at.parent() == null || at.parent() == 0 ? null : byPostId.get(at.parent());
            if (parent == null) {
                return at;
            }
            at = parent;
        }
        return item;
    }
}
