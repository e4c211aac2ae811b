package news.dateline.menu;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.page.PageRepository;
import news.dateline.platform.Refusal;
import news.dateline.taxonomy.SectionRepository;
import news.dateline.taxonomy.TagRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's menus screen (editors and admins): the header and footer menus, add, reorder, remove. */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/menus")
class MenusDesk {

    private static final Map<String, String> NOTICES = Map.of(
            "added", "Item added: every page shows it now.",
            "moved", "Item moved.",
            "deleted", "Item removed from the menu.");

    private final MenuRepository items;
    private final MenuService service;
    private final SectionRepository sections;
    private final PageRepository pages;
    private final TagRepository tags;

    MenusDesk(MenuRepository items, MenuService service, SectionRepository sections, PageRepository pages,
            TagRepository tags) {
        this.items = items;
        this.service = service;
        this.sections = sections;
        this.pages = pages;
        this.tags = tags;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden(MenuService.ONLY_EDITORS);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        return render(model, new MenuService.NewItem(Menus.HEADER, "", "", "", ""), Map.of(),
                done == null ? null : NOTICES.get(done), null);
    }

    @PostMapping("/items")
    String add(@ModelAttribute("staff") Staff staff, MenuService.NewItem form, Model model,
            HttpServletResponse response) {
        try {
            service.add(staff.acting(), form);
            return "redirect:/newsroom/menus?done=added";
        } catch (Refusal refused) {
            if (refused.fields().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            return render(model, form, refused.fields(), null, refused.getMessage());
        }
    }

    @PostMapping("/items/{id}/{direction:up|down}")
    String move(@PathVariable long id, @PathVariable String direction, @ModelAttribute("staff") Staff staff) {
        service.move(staff.acting(), id, "up".equals(direction));
        return "redirect:/newsroom/menus?done=moved";
    }

    @PostMapping("/items/{id}/delete")
    String delete(@PathVariable long id, @ModelAttribute("staff") Staff staff) {
        service.delete(staff.acting(), id);
        return "redirect:/newsroom/menus?done=deleted";
    }

    private String render(Model model, MenuService.NewItem form, Map<String, String> problems, String notice,
            String problem) {
        model.addAttribute("screen", new MenusScreen(items.items(Menus.HEADER), items.items(Menus.FOOTER),
                sections.all(), pages.all(), tags.summaries(), form, problems, notice, problem));
        return "menu/menus";
    }
}
