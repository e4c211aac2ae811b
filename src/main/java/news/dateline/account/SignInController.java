package news.dateline.account;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The sign-in page. Spring Security handles the POST; refusals come back here with the username kept. */
@Controller
class SignInController {

    private final ResourceUrlProvider resources;

    SignInController(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @GetMapping(SignInOutcome.LOGIN_PAGE)
    String signIn(@RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(name = "password-set", required = false) String passwordSet, CsrfToken csrf, Model model) {
        model.addAttribute("csrf", csrf);
        if (!model.containsAttribute(SignInOutcome.USERNAME)) {
            model.addAttribute(SignInOutcome.USERNAME, "");
        }
        if (!model.containsAttribute(SignInOutcome.PROBLEM)) {
            // a refusal whose session message was lost (e.g. an expired session) still says something
            model.addAttribute(SignInOutcome.PROBLEM, error != null ? AccountMessages.BAD_CREDENTIALS : null);
        }
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("notice", passwordSet != null ? AccountMessages.PASSWORD_SET_FROM_LINK : null);
        String stylesheet = resources.getForLookupPath("/assets/newsroom.css");
        model.addAttribute("stylesheet", stylesheet != null ? stylesheet : "/assets/newsroom.css");
        return "account/login";
    }
}
