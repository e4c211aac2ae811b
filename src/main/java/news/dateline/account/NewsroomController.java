package news.dateline.account;

import java.security.Principal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in and the signed-in landing page of the newsroom. */
@Controller
class NewsroomController {

    @GetMapping("/newsroom/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            CsrfToken csrf, Model model) {
        model.addAttribute("csrf", csrf);
        model.addAttribute("failed", error != null);
        return "account/login";
    }

    @GetMapping("/newsroom")
    String home(Principal principal, CsrfToken csrf, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("csrf", csrf);
        return "account/newsroom";
    }
}
