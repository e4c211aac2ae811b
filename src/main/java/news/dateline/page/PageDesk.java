package news.dateline.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The newsroom's pages screen (editors and admins): the page tree, and an editor with the article editor's live
 * preview (the same script and the same Markdown renderer), a revision per save and a restore from any of them.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/pages")
class PageDesk {

    private static final Map<String, String> NOTICES = Map.of(
            "published", "Page published.",
            "saved", "Page saved.",
            "unpublished", "Page unpublished: readers get a 404 at its address.",
            "deleted", "Page deleted.");

    private final PageRepository pages;
    private final PageService service;
    private final NewsroomTimes times;
    private final ResourceUrlProvider resources;

    PageDesk(PageRepository pages, PageService service, NewsroomTimes times, ResourceUrlProvider resources) {
        this.pages = pages;
        this.service = service;
        this.times = times;
        this.resources = resources;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden(PageService.ONLY_EDITORS);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("pages", tree(pages.all()));
        model.addAttribute("notice", done == null ? null : NOTICES.get(done));
        return "page/pages";
    }

    @GetMapping("/new")
    String create(Model model) {
        return render(model, null, PageForm.blank(), Map.of(), null, null);
    }

    @PostMapping
    String created(@ModelAttribute("staff") Staff staff, PageForm form,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        try {
            long id = service.create(staff.acting(), form, "publish".equals(action));
            return "redirect:/newsroom/pages/" + id + "?done=" + ("publish".equals(action) ? "published" : "saved");
        } catch (Refusal refused) {
            return refused(refused, model, null, form, response);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String done,
            @RequestParam(required = false) Long revision, Model model) {
        Page page = find(id);
        if (revision != null) {
            PageRevision old = pages.revisions(id).stream().filter(r -> r.id() == revision).findFirst()
                    .orElseThrow(() -> Refusal.notFound("Page " + id + " has no revision " + revision + "."));
            return render(model, page, new PageForm(old.title(), old.slug(), PageForm.of(page).parent(), old.body()),
                    Map.of(), "The text of " + times.human(old.savedAt()) + " by " + old.savedBy()
                            + " is in the editor: save to make it the page again.", null);
        }
        return render(model, page, PageForm.of(page), Map.of(), done == null ? null : NOTICES.get(done), null);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("staff") Staff staff, PageForm form,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        Page page = find(id);
        boolean publish = "publish".equals(action) || ("save".equals(action) && page.published());
        try {
            String movedFrom = service.save(staff.acting(), id, form, publish);
            if (movedFrom != null) {
                flash.addFlashAttribute("moved", movedFrom);
            }
            return "redirect:/newsroom/pages/" + id + "?done="
                    + (publish ? page.published() ? "saved" : "published" : page.published() ? "unpublished" : "saved");
        } catch (Refusal refused) {
            return refused(refused, model, page, form, response);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @ModelAttribute("staff") Staff staff) {
        service.delete(staff.acting(), id);
        return "redirect:/newsroom/pages?done=deleted";
    }

    private String refused(Refusal refused, Model model, Page page, PageForm form, HttpServletResponse response) {
        if (refused.fields().isEmpty()) {
            throw refused; // not about the text (a role that may not): the newsroom's problem page
        }
        response.setStatus(refused.status().value());
        return render(model, page, form, refused.fields(), null, refused.getMessage());
    }

    private Page find(long id) {
        return pages.byId(id).orElseThrow(() -> Refusal.notFound("There is no page " + id + "."));
    }

    private String render(Model model, Page page, PageForm form, Map<String, String> problems, String notice,
            String problem) {
        List<Page> parents = tree(pages.all()).stream()
                .filter(p -> page == null || (p.id() != page.id() && !p.path().startsWith(page.path() + "/")))
                .filter(p -> p.depth() + 1 < PageService.MAX_DEPTH)
                .toList();
        String script = resources.getForLookupPath("/assets/editor.js");
        model.addAttribute("editor", new PageEditor(page, form, problems, notice, problem, parents,
                page == null ? List.of() : pages.revisions(page.id()), script != null ? script : "/assets/editor.js",
                times::human));
        return "page/editor";
    }

    /** Parents before their children, each level by title. */
    static List<Page> tree(List<Page> all) {
        List<Page> ordered = new ArrayList<>();
        addChildren(all, null, ordered);
        return ordered;
    }

    private static void addChildren(List<Page> all, Long parentId, List<Page> into) {
        all.stream().filter(p -> java.util.Objects.equals(p.parentId(), parentId))
                .sorted(Comparator.comparing(Page::title, String.CASE_INSENSITIVE_ORDER))
                .forEach(p -> {
                    into.add(p);
                    addChildren(all, p.id(), into);
                });
    }
}
