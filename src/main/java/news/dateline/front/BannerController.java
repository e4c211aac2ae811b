package news.dateline.front;

import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Moments;
import news.dateline.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The breaking-news banner screen for editors: what shows now, set a new one, end it early. */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/banner")
class BannerController {

    private static final String HOME = "/newsroom/banner";

    private final Banners banners;
    private final BannerService service;
    private final Moments moments;

    BannerController(Banners banners, BannerService service, Moments moments) {
        this.banners = banners;
        this.service = service;
        this.moments = moments;
    }

    @ModelAttribute
    void editorsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isEditor()) {
            throw Refusal.forbidden("Only editors and admins set the breaking-news banner");
        }
    }

    @GetMapping
    ModelAndView show(Model model) {
        return page(BannerForm.blank(), (String) model.getAttribute("notice"), null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView set(@RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "") String link,
            @RequestParam(defaultValue = "") String minutes,
            @ModelAttribute(name = "staff", binding = false) Staff staff, RedirectAttributes flash) {
        BannerForm form = new BannerForm(message, link, minutes, java.util.Map.of());
        try {
            service.set(form, staff.username());
            flash.addFlashAttribute("notice", "Banner set. Every reader page shows it now.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return page(form.withErrors(refused.fields()), null, refused.getMessage(), refused.status());
        }
    }

    @PostMapping("/end")
    ModelAndView end(RedirectAttributes flash) {
        service.end();
        flash.addFlashAttribute("notice", "Banner ended. Reader pages no longer show it.");
        return SeeOther.to(HOME);
    }

    private ModelAndView page(BannerForm form, String notice, String problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("front/banner", status);
        page.addObject("form", form);
        Banner current = banners.current().orElse(null);
        page.addObject("current", current);
        page.addObject("ends", current == null ? null : moments.of(current.expiresAt()));
        page.addObject("notice", notice == null || notice.isEmpty() ? null : notice);
        page.addObject("problem", problem);
        return page;
    }
}
