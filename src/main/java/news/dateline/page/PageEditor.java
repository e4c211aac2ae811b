package news.dateline.page;

import java.util.List;
import java.util.Map;

/**
 * The page editor's model: the page (null for a new one), what the form holds, the messages beside its fields,
 * the pages it may sit under, and its revisions.
 */
public record PageEditor(Page page, PageForm form, Map<String, String> problems, String notice, String problem,
        List<Page> parents, List<PageRevision> revisions, String script, NewsroomClock clock) {

    /** How the editor shows a save's time, in the newsroom's zone. */
    public interface NewsroomClock {
        String human(java.time.Instant at);
    }

    public boolean isNew() {
        return page == null;
    }

    public String action() {
        return page == null ? "/newsroom/pages" : "/newsroom/pages/" + page.id();
    }

    public String error(String field) {
        return problems.get(field);
    }

    /** The indented title of a possible parent, so the tree shows in a select. */
    public String indented(Page parent) {
        return "\u2014 ".repeat(parent.depth()) + parent.title();
    }
}
