package news.dateline.interchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import news.dateline.interchange.WxrRecords.Item;
import news.dateline.page.PageRepository;
import news.dateline.page.PageService;
import news.dateline.platform.Slugs;
import org.jsoup.Jsoup;

/**
 * WordPress pages (About, Contact…) become the site's pages (news.dateline.page), not stories: each at the top
 * level as it is read, then, once the whole file is in, under the page that was its parent in WordPress (an export
 * may list a child before its parent). Comments on pages are not kept: a page here has no thread.
 */
final class PageImport {

    static final String COMMENT_ON_PAGE = "comment on a page (pages take no comments here)";
    static final String TOO_DEEP = "page nested deeper than " + PageService.MAX_DEPTH
            + " levels or under itself: kept at the top level";

    private final PageService service;
    private final PageRepository pages;
    private final ImportSummary summary;
    /** Our page id → the WordPress id of its parent, for pages whose parent is not placed yet. */
    private final Map<Long, Long> parents = new LinkedHashMap<>();
    /** WordPress page id → ours, for the pages of this file (another site's file may use the same numbers). */
    private final Map<Long, Long> byWpId = new LinkedHashMap<>();

    PageImport(PageService service, PageRepository pages, ImportSummary summary) {
        this.service = service;
        this.pages = pages;
        this.summary = summary;
    }

    void page(Item item, String key, long postId, boolean published, String body, String describe) {
        var known = pages.idByWpKey(key);
        if (known.isPresent()) {
            byWpId.put(postId, known.get());
            summary.unchanged("pages");
            return;
        }
        String title = item.title().strip();
        if (title.indexOf('<') >= 0 || title.indexOf('&') >= 0) {
            title = Jsoup.parseBodyFragment(title).text().strip();
        }
        long id = service.importPage(key, postId, Slugs.of(decoded(item.postName())), title, body, published);
        summary.imported("pages");
        byWpId.put(postId, id);
        Long parent = WxrFields.number(item.postParent());
        if (parent != null && parent != 0) {
            parents.put(id, parent);
        }
        for (int i = 0; i < item.comments().size(); i++) {
            summary.skipped(COMMENT_ON_PAGE, describe);
        }
    }

    /** The page a WordPress page id of this file became (null if none). */
    Long pageFor(long wpId) {
        return byWpId.get(wpId);
    }

    /** After the last item: every page under its WordPress parent, when that parent came in too. */
    void placeUnderParents() {
        Set<Long> unplaced = new LinkedHashSet<>();
        parents.forEach((pageId, wpParent) -> {
            Long parentId = byWpId.get(wpParent);
            if (parentId == null) {
                summary.note("page whose parent is not in the file kept at the top level");
            } else if (!service.placeImported(pageId, parentId)) {
                unplaced.add(pageId);
            }
        });
        unplaced.forEach(id -> summary.note(TOO_DEEP));
    }

    private static String decoded(String wpSlug) {
        try {
            return URLDecoder.decode(wpSlug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return wpSlug;
        }
    }
}
