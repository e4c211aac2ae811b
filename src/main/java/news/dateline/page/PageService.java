package news.dateline.page;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteContentChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of pages: editors and admins write them; a title, a slug free under its parent, a parent that exists
 * and is not the page itself or below it, at most {@link #MAX_DEPTH} levels. Every save is one transaction with a
 * revision and a recorded {@link SiteContentChanged}, so cached pages (whose menus may link it) follow; a page
 * whose address changes keeps its old address, and its children's, answering with a redirect.
 */
@Service
public class PageService {

    /** Three levels: WordPress sites nest "Level 1 › Level 2 › Level 3"; deeper is refused. */
    public static final int MAX_DEPTH = 3;

    static final String ONLY_EDITORS = "Only editors and admins write pages.";
    static final String NEED_TITLE = "Please enter a title.";
    static final String TITLE_TOO_LONG = "Keep the title under 200 characters.";
    static final String BAD_SLUG = "Use lower-case letters, digits and hyphens, such as \"corrections-policy\".";
    static final String NO_SUCH_PARENT = "That parent page does not exist any more.";
    static final String PARENT_BELOW = "A page cannot sit under itself or one of its own sub-pages.";
    static final String TOO_DEEP = "Pages nest at most " + MAX_DEPTH + " levels deep.";

    private final PageRepository pages;
    private final ChangeLog changes;
    private final Clock clock;

    PageService(PageRepository pages, ChangeLog changes, Clock clock) {
        this.pages = pages;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public long create(ActingAccount by, PageForm form, boolean publish) {
        mayWrite(by);
        Checked checked = check(form, null);
        Instant now = clock.instant();
        long id = pages.insert(checked.parentId, checked.slug, checked.path, checked.title, form.body(), publish,
                now, null, null);
        pages.forgetOldPath(checked.path);
        pages.insertRevision(id, checked.title, checked.slug, form.body(), by.username(), now);
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.PAGE_SAVED));
        return id;
    }

    /** Saves the page; returns its address before the save when it changed (that one now redirects), else null. */
    @Transactional
    public String save(ActingAccount by, long id, PageForm form, boolean publish) {
        mayWrite(by);
        Page current = existing(id);
        Checked checked = check(form, current);
        Instant now = clock.instant();
        String movedFrom = null;
        if (!current.path().equals(checked.path)) {
            pages.movePath(current.path(), checked.path, now, true);
            movedFrom = current.href();
        }
        pages.update(id, checked.parentId, checked.slug, checked.path, checked.title, form.body(), publish, now);
        pages.insertRevision(id, checked.title, checked.slug, form.body(), by.username(), now);
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.PAGE_SAVED));
        return movedFrom;
    }

    @Transactional
    public void delete(ActingAccount by, long id) {
        mayWrite(by);
        existing(id);
        pages.delete(id);
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.PAGE_DELETED));
    }

    /**
     * A page from a WordPress export, at the top level (its parent may come later in the file: WordPress lists
     * "Level 3" before "Level 2"; {@link #placeImported} puts it under its parent once both are in). Its slug is
     * made free by a number. Returns its id; a page imported before (same key) is left as it is.
     */
    @Transactional
    public long importPage(String wpKey, Long wpId, String slug, String title, String body, boolean published) {
        var known = pages.idByWpKey(wpKey);
        if (known.isPresent()) {
            return known.get();
        }
        String safeTitle = title.isBlank() ? "Untitled" : title.strip();
        String base = Slugs.VALID.matcher(slug).matches() ? slug
                : Slugs.of(safeTitle).isEmpty() ? "page" : Slugs.of(safeTitle);
        String chosen = free("", base);
        Instant now = clock.instant();
        long id = pages.insert(null, chosen, chosen, safeTitle, body, published, now, wpKey, wpId);
        pages.forgetOldPath(chosen);
        pages.insertRevision(id, safeTitle, chosen, body, ActingAccount.SITE.username(), now);
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.PAGES_IMPORTED));
        return id;
    }

    /**
     * Puts an imported page under the page that was its parent in WordPress, with its own sub-pages. Returns false
     * (and leaves it where it is) when that would nest deeper than {@link #MAX_DEPTH} or make a loop. The address
     * it had for the moment is not kept: no reader ever saw it.
     */
    @Transactional
    public boolean placeImported(long pageId, long parentId) {
        Page page = existing(pageId);
        Page parent = existing(parentId);
        if (parent.id() == page.id() || parent.path().startsWith(page.path() + "/")
                || parent.depth() + 1 + subtreeDepth(page) >= MAX_DEPTH) {
            return false;
        }
        String path = free(parent.path() + "/", page.slug());
        String slug = path.substring(path.lastIndexOf('/') + 1);
        Instant now = clock.instant();
        pages.movePath(page.path(), path, now, false);
        pages.update(page.id(), parent.id(), slug, path, page.title(), page.body(), page.published(), now);
        changes.record(new SiteContentChanged(SiteContentChanged.Kind.PAGES_IMPORTED));
        return true;
    }

    /** {@code base} under {@code prefix}, or with a number after it when another page holds that path. */
    private String free(String prefix, String base) {
        String chosen = base;
        for (int n = 2; pages.byPath(prefix + chosen).isPresent(); n++) {
            chosen = base + "-" + n;
        }
        return prefix + chosen;
    }

    private static void mayWrite(ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(ONLY_EDITORS);
        }
    }

    private Page existing(long id) {
        return pages.byId(id).orElseThrow(() -> Refusal.notFound("There is no page " + id + "."));
    }

    private Checked check(PageForm form, Page current) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = form.title().strip();
        if (title.isEmpty()) {
            problems.put("title", NEED_TITLE);
        } else if (title.length() > 200) {
            problems.put("title", TITLE_TOO_LONG);
        }
        String slug = form.slug().isBlank() ? Slugs.of(title) : Slugs.fromUrl(form.slug().strip());
        if (!title.isEmpty() && !Slugs.VALID.matcher(slug).matches()) {
            problems.put("slug", BAD_SLUG);
        }
        Page parent = null;
        if (!form.parent().isBlank()) {
            try {
                parent = pages.byId(Long.parseLong(form.parent().strip())).orElse(null);
            } catch (NumberFormatException e) {
                parent = null;
            }
            if (parent == null) {
                problems.put("parent", NO_SUCH_PARENT);
            } else if (current != null && (parent.id() == current.id()
                    || parent.path().startsWith(current.path() + "/"))) {
                problems.put("parent", PARENT_BELOW);
            } else if (parent.depth() + 1 >= MAX_DEPTH || parent.depth() + 1 + subtreeDepth(current) >= MAX_DEPTH) {
                problems.put("parent", TOO_DEEP);
            }
        }
        String path = (parent == null ? "" : parent.path() + "/") + slug;
        if (!problems.containsKey("slug") && !problems.containsKey("parent") && !problems.containsKey("title")) {
            pages.byPath(path).filter(other -> current == null || other.id() != current.id())
                    .ifPresent(other -> problems.put("slug",
                            "Another page, \"" + other.title() + "\", already uses " + other.href() + "."));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The page was not saved: see the fields marked.", problems);
        }
        return new Checked(title, slug, parent == null ? null : parent.id(), path);
    }

    /** How many levels hang below the page (0 for a new page or one without children). */
    private int subtreeDepth(Page page) {
        if (page == null) {
            return 0;
        }
        int deepest = 0;
        for (Page child : pages.children(page.id())) {
            deepest = Math.max(deepest, 1 + subtreeDepth(child));
        }
        return deepest;
    }

    private record Checked(String title, String slug, Long parentId, String path) {
    }
}
