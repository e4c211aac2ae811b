package news.dateline.account.token;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API tokens screen, for administrators (SecurityConfig says so for /newsroom/tokens/**; the check here repeats
 * it): make a token (shown once), see each one's role and last use, revoke one.
 */
@Controller
@NewsroomScreen
class ApiTokenController {

    private final ApiTokens tokens;
    private final NewsroomTimes times;

    ApiTokenController(ApiTokens tokens, NewsroomTimes times) {
        this.tokens = tokens;
        this.times = times;
    }

    @GetMapping("/newsroom/tokens")
    String list(@ModelAttribute("staff") Staff staff, Model model) {
        requireAdmin(staff);
        return page(model, "", "editor", Map.of());
    }

    @PostMapping("/newsroom/tokens")
    String create(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin(staff);
        try {
            String token = tokens.create(name, role, staff.acting());
            redirect.addFlashAttribute("token", token);
            redirect.addFlashAttribute("notice", "Made the token \"" + name.strip() + "\" (" + role + ").");
            return "redirect:/newsroom/tokens";
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return page(model, name, role, refused.fields());
        }
    }

    @PostMapping("/newsroom/tokens/{id}/revoke")
    String revoke(@ModelAttribute("staff") Staff staff, @PathVariable long id, RedirectAttributes redirect) {
        requireAdmin(staff);
        tokens.revoke(id, staff.acting());
        redirect.addFlashAttribute("notice", "Revoked: the token no longer works.");
        return "redirect:/newsroom/tokens";
    }

    private String page(Model model, String name, String role, Map<String, String> problems) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("times", times);
        model.addAttribute("roles", Role.values());
        model.addAttribute("name", name);
        model.addAttribute("role", role);
        model.addAttribute("problems", problems);
        for (String flash : new String[] {"notice", "token"}) {
            if (!model.containsAttribute(flash)) {
                model.addAttribute(flash, null);
            }
        }
        return "account/tokens";
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators manage API tokens.");
        }
    }
}
