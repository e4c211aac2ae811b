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

/** The tags screen for admins: list with article counts, add, rename, merge, delete when unused. */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/tags")
class TagsController {

    private static final String HOME = "/newsroom/tags";

    private final TagRepository tags;
    private final TagService service;

    TagsController(TagRepository tags, TagService service) {
        this.tags = tags;
        this.service = service;
    }

    @ModelAttribute
    void adminsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only admins manage tags");
        }
    }

    @GetMapping
    ModelAndView list(@RequestParam(required = false) Long edit) {
        TaxonomyForm form = edit == null ? TaxonomyForm.blank() : tags.summary(edit)
                .map(t -> new TaxonomyForm(t.id(), t.name(), t.slug(), "", Map.of()))
                .orElse(TaxonomyForm.blank());
        return page(form, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            RedirectAttributes flash) {
        try {
            service.create(name, slug);
            flash.addFlashAttribute("notice", "Tag \"" + name.strip() + "\" added.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return refused(new TaxonomyForm(null, name, slug, "", refused.fields()), refused);
        }
    }

    @PostMapping("/{id}")
    ModelAndView rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug, RedirectAttributes flash) {
        try {
            service.rename(id, name, slug);
            flash.addFlashAttribute("notice", "Tag saved.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return refused(new TaxonomyForm(id, name, slug, "", refused.fields()), refused);
        }
    }

    @PostMapping("/merge")
    ModelAndView merge(@RequestParam(required = false) Long from, @RequestParam(required = false) Long into,
            RedirectAttributes flash) {
        if (from == null || into == null) {
            return page(TaxonomyForm.blank(), "Choose both tags: the one to merge, and the one to merge it into.",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String name = tags.summary(from).map(t -> t.name()).orElse("");
        try {
            service.merge(from, into);
            String target = tags.summary(into).map(t -> t.name()).orElse("");
            flash.addFlashAttribute("notice", "\"" + name + "\" merged into \"" + target + "\".");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return page(TaxonomyForm.blank(), refused.getMessage(), refused.status());
        }
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@PathVariable long id, RedirectAttributes flash) {
        String name = tags.summary(id).map(t -> t.name()).orElse("");
        try {
            service.delete(id);
            flash.addFlashAttribute("notice", "Tag \"" + name + "\" deleted.");
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
        ModelAndView page = new ModelAndView("taxonomy/tags", status);
        page.addObject("tags", tags.summaries());
        page.addObject("form", form);
        page.addObject("problem", problem);
        return page;
    }
}
