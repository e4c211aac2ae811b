package news.dateline.taxonomy;

import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sections screen for admins: list with article counts, add, rename, reorder, delete when empty. */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/sections")
class SectionsController {

    private static final String HOME = "/newsroom/sections";

    private final SectionRepository sections;
    private final SectionService service;

    SectionsController(SectionRepository sections, SectionService service) {
        this.sections = sections;
        this.service = service;
    }

    @ModelAttribute
    void adminsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only admins manage sections");
        }
    }

    @GetMapping
    ModelAndView list(@RequestParam(required = false) Long edit) {
        TaxonomyForm form = edit == null ? TaxonomyForm.blank() : sections.summary(edit)
                .map(s -> new TaxonomyForm(s.id(), s.name(), s.slug(), s.description(), Map.of()))
                .orElse(TaxonomyForm.blank());
        return page(form, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        try {
            service.create(name, slug, description);
            flash.addFlashAttribute("notice", "Section \"" + name.strip() + "\" added at the end of the menu.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return refused(new TaxonomyForm(null, name, slug, description, refused.fields()), refused);
        }
    }

    @PostMapping("/{id}")
    ModelAndView rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
            RedirectAttributes flash) {
        String before = sections.summary(id).map(s -> s.slug()).orElse(null);
        try {
            service.rename(id, name, slug, description);
            String now = sections.summary(id).map(s -> s.slug()).orElse(slug);
            flash.addFlashAttribute("notice", before != null && !before.equals(now)
                    ? "Section saved. Its address is now /" + now + "/; /" + before + "/ and its stories' old "
                            + "addresses redirect there."
                    : "Section saved.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return refused(new TaxonomyForm(id, name, slug, description, refused.fields()), refused);
        }
    }

    @PostMapping("/{id}/{direction:up|down}")
    ModelAndView move(@PathVariable long id, @PathVariable String direction) {
        service.move(id, "up".equals(direction) ? -1 : 1);
        return SeeOther.to(HOME);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@PathVariable long id, RedirectAttributes flash) {
        String name = sections.summary(id).map(s -> s.name()).orElse("");
        try {
            service.delete(id);
            flash.addFlashAttribute("notice", "Section \"" + name + "\" deleted.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return page(TaxonomyForm.blank(), refused.getMessage(), refused.status());
        }
    }

    /** The add or rename form back with what was typed and each field's problem; one that is no field's, above. */
    private ModelAndView refused(TaxonomyForm form, Refusal refused) {
        return page(form, refused.fields().isEmpty() ? refused.getMessage() : null, refused.status());
    }

    private ModelAndView page(TaxonomyForm form, String problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("taxonomy/sections", status);
        page.addObject("sections", sections.summaries());
        page.addObject("form", form);
        page.addObject("problem", problem);
        return page;
    }
}
