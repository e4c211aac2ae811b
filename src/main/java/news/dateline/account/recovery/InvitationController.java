package news.dateline.account.recovery;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.Refusal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The welcome page an invitation's link opens, where the invitee chooses a password (anyone with the link). */
@Controller
class InvitationController {

    static final String EXPIRED = "This invitation has expired: invitations work for seven days. Ask the"
            + " administrator who invited you for a new one.";
    static final String USED = "This invitation has already been used. Sign in with the password you chose, or use"
            + " \"Forgot password?\" on the sign-in page.";

    private final Invitations invitations;
    private final ResourceUrlProvider resources;

    InvitationController(Invitations invitations, ResourceUrlProvider resources) {
        this.invitations = invitations;
        this.resources = resources;
    }

    @GetMapping("/newsroom/welcome/{token}")
    String welcome(@PathVariable String token, CsrfToken csrf, Model model, HttpServletResponse response) {
        AccountLinks.Check check = invitations.check(token);
        if (check instanceof AccountLinks.Valid valid) {
            return form(model, csrf, token, invitations.username(valid.accountId()), Map.of());
        }
        return unusable(model, csrf, (AccountLinks.Unusable) check, response);
    }

    @PostMapping("/newsroom/welcome/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, CsrfToken csrf, Model model,
            HttpServletResponse response) {
        Optional<AccountLinks.Unusable> unusable;
        try {
            unusable = invitations.accept(token, password, confirm);
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            AccountLinks.Check check = invitations.check(token);
            String username = check instanceof AccountLinks.Valid valid ? invitations.username(valid.accountId()) : "";
            return form(model, csrf, token, username, refused.fields());
        }
        if (unusable.isPresent()) {
            return unusable(model, csrf, unusable.get(), response);
        }
        return "redirect:/newsroom/login?password-set";
    }

    private String form(Model model, CsrfToken csrf, String token, String username, Map<String, String> problems) {
        page(model, csrf, RecoveryMessages.WELCOME.formatted(username));
        model.addAttribute("action", "/newsroom/welcome/" + token);
        model.addAttribute("problems", problems);
        model.addAttribute("linkProblem", null);
        model.addAttribute("newLink", null);
        return "account/set-password";
    }

    private String unusable(Model model, CsrfToken csrf, AccountLinks.Unusable unusable,
            HttpServletResponse response) {
        response.setStatus(unusable == AccountLinks.Unusable.INVALID ? 400 : 410);
        page(model, csrf, "Your invitation");
        model.addAttribute("action", "");
        model.addAttribute("problems", Map.of());
        model.addAttribute("linkProblem", switch (unusable) {
            case INVALID -> RecoveryMessages.LINK_INVALID;
            case EXPIRED -> EXPIRED;
            case USED -> USED;
        });
        model.addAttribute("newLink", null);
        return "account/set-password";
    }

    private void page(Model model, CsrfToken csrf, String heading) {
        model.addAttribute("csrf", csrf);
        model.addAttribute("heading", heading);
        String stylesheet = resources.getForLookupPath("/assets/newsroom.css");
        model.addAttribute("stylesheet", stylesheet != null ? stylesheet : "/assets/newsroom.css");
    }
}
