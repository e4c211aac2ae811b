package news.dateline.account.recovery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import news.dateline.account.Emails;
import news.dateline.platform.Refusal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * "Forgot password?" and the page a reset link opens (docs/mail.md). Both are open to anyone: the request page
 * answers the same for every well-formed address, and the link page works only with a link the site signed.
 */
@Controller
class ResetController {

    private final PasswordResets resets;
    private final ResourceUrlProvider resources;

    ResetController(PasswordResets resets, ResourceUrlProvider resources) {
        this.resets = resets;
        this.resources = resources;
    }

    @GetMapping("/newsroom/forgot")
    String form(CsrfToken csrf, Model model) {
        return forgot(model, csrf, "", null, false);
    }

    @PostMapping("/newsroom/forgot")
    String request(@RequestParam(defaultValue = "") String email, CsrfToken csrf, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (Emails.normalise(email).isEmpty()) {
            response.setStatus(422);
            return forgot(model, csrf, email, RecoveryMessages.EMAIL_REQUIRED, false);
        }
        Optional<Duration> wait = resets.request(email, request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(wait.get().toSeconds()));
            return forgot(model, csrf, email, RecoveryMessages.TOO_MANY.formatted(minutes), false);
        }
        // The same page whatever happens next: no address typed, no token, nothing that differs.
        return forgot(model, csrf, "", null, true);
    }

    @GetMapping("/newsroom/reset/{token}")
    String link(@PathVariable String token, CsrfToken csrf, Model model, HttpServletResponse response) {
        AccountLinks.Check check = resets.check(token);
        if (check instanceof AccountLinks.Unusable unusable) {
            return unusable(model, csrf, unusable, response);
        }
        return resetForm(model, csrf, token, Map.of());
    }

    @PostMapping("/newsroom/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, CsrfToken csrf, Model model,
            HttpServletResponse response) {
        Optional<AccountLinks.Unusable> unusable;
        try {
            unusable = resets.reset(token, password, confirm);
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return resetForm(model, csrf, token, refused.fields());
        }
        if (unusable.isPresent()) {
            return unusable(model, csrf, unusable.get(), response);
        }
        return "redirect:/newsroom/login?password-set";
    }

    private String forgot(Model model, CsrfToken csrf, String email, String problem, boolean sent) {
        page(model, csrf);
        model.addAttribute("email", email);
        model.addAttribute("problem", problem);
        model.addAttribute("sent", sent ? RecoveryMessages.SENT : null);
        return "account/forgot";
    }

    private String resetForm(Model model, CsrfToken csrf, String token, Map<String, String> problems) {
        page(model, csrf);
        model.addAttribute("heading", "Choose a new password");
        model.addAttribute("action", "/newsroom/reset/" + token);
        model.addAttribute("problems", problems);
        model.addAttribute("linkProblem", null);
        model.addAttribute("newLink", "/newsroom/forgot");
        return "account/set-password";
    }

    private String unusable(Model model, CsrfToken csrf, AccountLinks.Unusable unusable,
            HttpServletResponse response) {
        response.setStatus(unusable == AccountLinks.Unusable.INVALID ? 400 : 410);
        page(model, csrf);
        model.addAttribute("heading", "Choose a new password");
        model.addAttribute("action", "");
        model.addAttribute("problems", Map.of());
        model.addAttribute("linkProblem", switch (unusable) {
            case INVALID -> RecoveryMessages.LINK_INVALID;
            case EXPIRED -> RecoveryMessages.LINK_EXPIRED;
            case USED -> RecoveryMessages.LINK_USED;
        });
        model.addAttribute("newLink", "/newsroom/forgot");
        return "account/set-password";
    }

    private void page(Model model, CsrfToken csrf) {
        model.addAttribute("csrf", csrf);
        String stylesheet = resources.getForLookupPath("/assets/newsroom.css");
        model.addAttribute("stylesheet", stylesheet != null ? stylesheet : "/assets/newsroom.css");
    }
}
