package news.dateline.settings;

import java.util.Map;
import news.dateline.comment.policy.CommentDefaults;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import news.dateline.story.photo.LeadPhotoDesk;
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

/**
 * The site settings screen for admins: name, tagline, logo, language and time zone, share image, profiles, footer,
 * comment defaults.
 */
@Controller
@NewsroomScreen
@RequestMapping("/newsroom/settings")
class SettingsController {

    private static final String HOME = "/newsroom/settings";

    private final SiteSettings settings;
    private final SettingsService service;
    private final CommentDefaults commentDefaults;
    private final LeadPhotoDesk library;

    SettingsController(SiteSettings settings, SettingsService service, CommentDefaults commentDefaults,
            LeadPhotoDesk library) {
        this.settings = settings;
        this.service = service;
        this.commentDefaults = commentDefaults;
        this.library = library;
    }

    @ModelAttribute
    void adminsOnly(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only admins change the site's settings");
        }
    }

    @GetMapping
    ModelAndView show(Model model) {
        return page(SettingsForm.of(settings.current(), commentDefaults.current()), (String) model.getAttribute("notice"), null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView save(@RequestParam Map<String, String> params, RedirectAttributes flash) {
        SettingsForm form = new SettingsForm(params.getOrDefault("name", ""), params.getOrDefault("tagline", ""),
                params.getOrDefault("language", ""), params.getOrDefault(SiteSettings.TIME_ZONE, ""),
                params.getOrDefault(SiteSettings.LOGO, ""), params.getOrDefault(SiteSettings.SHARE_IMAGE, ""),
                params.getOrDefault(SiteSettings.SOCIAL, ""), params.getOrDefault("footer", ""),
                params.getOrDefault(SiteSettings.COMMENTS, ""), params.getOrDefault(SiteSettings.COMMENT_MODERATION, ""),
                params.getOrDefault(SiteSettings.COMMENT_CLOSE_AFTER_DAYS, ""),
                params.getOrDefault(SiteSettings.LOGO_MEDIA, ""), params.getOrDefault(SiteSettings.ICON_MEDIA, ""),
                params.getOrDefault(SiteSettings.IMAGE_HOSTS, ""), Map.of());
        try {
            service.save(form);
            flash.addFlashAttribute("notice", "Settings saved. Every page and feed shows them now.");
            return SeeOther.to(HOME);
        } catch (Refusal refused) {
            return page(form.withErrors(refused.fields()), null, refused.getMessage(), refused.status());
        }
    }

    private ModelAndView page(SettingsForm form, String notice, String problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("settings/settings", status);
        page.addObject("form", form);
        page.addObject("notice", notice == null || notice.isEmpty() ? null : notice);
        page.addObject("problem", problem);
        page.addObject("pictures", library.choices()); // the photo library's pictures, for the logo and icon pickers
        return page;
    }
}
