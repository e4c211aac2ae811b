package news.dateline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Anyone signed in changes their own password, proving they know the current one; their other sessions end. */
@Controller
@NewsroomScreen
class PasswordController {

    private final Accounts accounts;

    PasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/password")
    String form(Model model) {
        model.addAttribute("problems", Map.of());
        model.addAttribute("changed", model.containsAttribute("changed"));
        return "account/password";
    }

    @PostMapping("/newsroom/password")
    String change(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
            Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            int epoch = accounts.changeOwnPassword(staff.username(), current, password, confirm);
            SignedInAccountFilter.remember(request.getSession(), epoch); // this session stays, the others end
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("problems", refused.fields());
            model.addAttribute("changed", false);
            return "account/password";
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/newsroom/password";
    }
}
