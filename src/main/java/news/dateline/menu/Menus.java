package news.dateline.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.SiteContentChanged;
import news.dateline.platform.change.StoriesImported;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The menus as the reader's layout shows them: broken items left out, one level of nesting. Every reader page shows
 * them, so they are read once and kept until a change that can alter them (a menu or page, a section or tag, a
 * story, an import); and read at start, so an error page rendered while the database is away does not wait on it.
 */
@Component
public class Menus {

    public static final String HEADER = "header";
    public static final String FOOTER = "footer";

    private final MenuRepository items;
    private Navigation kept; // guarded by this
    private long generation; // guarded by this: raised by every change, so a read begun before one is not kept

    Menus(MenuRepository items) {
        this.items = items;
    }

    public Navigation navigation() {
        long begun;
        synchronized (this) {
            if (kept != null) {
                return kept;
            }
            begun = generation;
        }
        Navigation read = new Navigation(links(HEADER), links(FOOTER));
        synchronized (this) {
            if (begun == generation) {
                kept = read;
            }
        }
        return read;
    }

    @EventListener(ApplicationReadyEvent.class)
    void readAtStart() {
        try {
            navigation();
        } catch (DataAccessException e) {
            // read on the first page instead
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        if (change instanceof SiteContentChanged || change instanceof TaxonomyChanged
                || change instanceof StoryChanged || change instanceof StoriesImported) {
            synchronized (this) {
                generation++;
                kept = null;
            }
        }
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
