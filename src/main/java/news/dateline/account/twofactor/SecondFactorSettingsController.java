package news.dateline.account.twofactor;

import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators decide whether editors and administrators must have a second factor (under /newsroom/users, so
 * the security chain lets only admins in). Once required, such an account without one can do nothing in the
 * newsroom but set one up ({@link SecondFactorGate}).
 */
@Controller
@NewsroomScreen
class SecondFactorSettingsController {

    static final String PAGE = "/newsroom/users/second-factor";

    private final SecondFactors factors;

    SecondFactorSettingsController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("required", factors.required());
        model.addAttribute("staffFactors", factors.staffFactors());
        model.addAttribute("saved", model.containsAttribute("saved"));
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "account/twofactor/settings";
    }

    @PostMapping(PAGE)
    String save(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect) {
        factors.require(required, staff.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + PAGE;
    }

    @PostMapping("/newsroom/users/{id}/second-factor/reset")
    String reset(@ModelAttribute("staff") Staff staff, @PathVariable long id, RedirectAttributes redirect) {
        String username = factors.staffFactors().stream().filter(f -> f.accountId() == id)
                .map(StaffFactor::username).findFirst()
                .orElseThrow(() -> Refusal.notFound("That account has no second factor."));
        try {
            factors.reset(id, staff.accountId());
            redirect.addFlashAttribute("notice", TwoFactorMessages.RESET.formatted(username));
        } catch (Refusal refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:" + PAGE;
    }
}
