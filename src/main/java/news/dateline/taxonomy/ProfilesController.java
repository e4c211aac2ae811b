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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Author profiles in the newsroom: the admins' authors screen, everyone's "My profile" (the profile the signed-in
 * account writes under) and the one form both lead to.
 */
@Controller
@NewsroomScreen
class ProfilesController {

    private final AuthorRepository authors;
    private final ProfileService service;

    ProfilesController(AuthorRepository authors, ProfileService service) {
        this.authors = authors;
        this.service = service;
    }

    @GetMapping("/newsroom/authors")
    ModelAndView list(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only admins see every author profile");
        }
        ModelAndView page = new ModelAndView("taxonomy/authors");
        page.addObject("authors", authors.profiles());
        return page;
    }

    @GetMapping("/newsroom/profile")
    ModelAndView mine(@ModelAttribute(name = "staff", binding = false) Staff staff) {
        if (staff.authorId() == null) {
            throw Refusal.notFound("Your account writes under no author profile: an admin can link one on the "
                    + "users screen.");
        }
        return form(staff, service.editable(staff.acting(), staff.authorId()), null, HttpStatus.OK);
    }

    @GetMapping("/newsroom/authors/{id}")
    ModelAndView edit(@ModelAttribute(name = "staff", binding = false) Staff staff, @PathVariable long id) {
        return form(staff, service.editable(staff.acting(), id), null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/authors/{id}")
    ModelAndView save(@ModelAttribute(name = "staff", binding = false) Staff staff, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String bio,
            @RequestParam(defaultValue = "") String jobTitle, @RequestParam(defaultValue = "") String photoUrl,
            @RequestParam(defaultValue = "") String publicEmail, @RequestParam(defaultValue = "") String socialLinks,
            RedirectAttributes flash) {
        ProfileForm typed = new ProfileForm(name, bio, jobTitle, photoUrl, publicEmail, socialLinks, Map.of());
        AuthorProfile profile = service.editable(staff.acting(), id);
        try {
            service.save(staff.acting(), id, typed);
        } catch (Refusal refused) {
            if (refused.fields().isEmpty()) {
                throw refused;
            }
            return form(staff, profile, typed.withErrors(refused.fields()), refused.status());
        }
        flash.addFlashAttribute("notice", "Profile saved: readers see it at " + profile.path() + ".");
        return SeeOther.to(isOwn(staff, id) ? "/newsroom/profile" : "/newsroom/authors/" + id);
    }

    private static boolean isOwn(Staff staff, long id) {
        return staff.authorId() != null && staff.authorId() == id;
    }

    private ModelAndView form(Staff staff, AuthorProfile profile, ProfileForm typed, HttpStatus status) {
        ModelAndView page = new ModelAndView("taxonomy/profile", status);
        page.addObject("profile", profile);
        page.addObject("form", typed == null ? ProfileForm.of(profile) : typed);
        page.addObject("own", isOwn(staff, profile.id()));
        return page;
    }
}
