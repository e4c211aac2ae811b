package news.dateline.account.email;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import news.dateline.account.Accounts;
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
 * "Email" next to "Password" in the newsroom header: one's own address, changed by following a link mailed to
 * the new one (the link works only for the account signed in), and the users screen's "Set email" for
 * administrators.
 */
@Controller
@NewsroomScreen
class EmailController {

    private final EmailChanges changes;
    private final Accounts accounts;

    EmailController(EmailChanges changes, Accounts accounts) {
        this.changes = changes;
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/email")
    String form(@ModelAttribute("staff") Staff staff, Model model) {
        return page(model, staff, "", Map.of());
    }

    @PostMapping("/newsroom/email")
    String request(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String current, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        String sentTo;
        try {
            sentTo = changes.request(staff.accountId(), email, current);
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            return page(model, staff, email, refused.fields());
        }
        redirect.addFlashAttribute("notice", EmailMessages.LINK_SENT.formatted(sentTo));
        return "redirect:/newsroom/email";
    }

    @GetMapping("/newsroom/email/confirm/{token}")
    String link(@ModelAttribute("staff") Staff staff, @PathVariable String token, Model model,
            HttpServletResponse response) {
        EmailChanges.Check check = changes.check(token, staff.accountId());
        return confirmPage(model, token, check, response);
    }

    @PostMapping("/newsroom/email/confirm/{token}")
    String confirm(@ModelAttribute("staff") Staff staff, @PathVariable String token, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        EmailChanges.Check check;
        try {
            check = changes.confirm(token, staff.accountId());
        } catch (Refusal refused) { // the address went to another account since the link was mailed
            response.setStatus(refused.status().value());
            model.addAttribute("email", null);
            model.addAttribute("action", "");
            model.addAttribute("linkProblem", refused.fields().getOrDefault("email", refused.getMessage()));
            return "account/email-confirm";
        }
        if (check.unusable() != null) {
            return confirmPage(model, token, check, response);
        }
        redirect.addFlashAttribute("notice", EmailMessages.CHANGED.formatted(check.pending().email()));
        return "redirect:/newsroom/email";
    }

    @PostMapping("/newsroom/users/{id}/email")
    String setByAdmin(@ModelAttribute("staff") Staff staff, @PathVariable long id,
            @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators manage users");
        }
        var account = accounts.find(id).orElseThrow(() -> Refusal.notFound("There is no account " + id + "."));
        try {
            Optional<String> now = changes.setByAdmin(id, email);
            redirect.addFlashAttribute("notice", now
                    .map(address -> EmailMessages.SET_BY_ADMIN.formatted(account.username(), address))
                    .orElse(EmailMessages.REMOVED_BY_ADMIN.formatted(account.username())));
        } catch (Refusal refused) {
            redirect.addFlashAttribute("problem", account.username() + ": "
                    + refused.fields().getOrDefault("email", refused.getMessage()) + " (" + email.strip() + ")");
            redirect.addFlashAttribute("emailFor", id); // the refused address stays in that account's row
            redirect.addFlashAttribute("emailTyped", email);
        }
        return "redirect:/newsroom/users";
    }

    private String page(Model model, Staff staff, String email, Map<String, String> problems) {
        model.addAttribute("address", accounts.email(staff.accountId()).orElse(null));
        model.addAttribute("email", email);
        model.addAttribute("problems", problems);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "account/email";
    }

    private String confirmPage(Model model, String token, EmailChanges.Check check, HttpServletResponse response) {
        if (check.unusable() == null) {
            model.addAttribute("email", check.pending().email());
            model.addAttribute("action", "/newsroom/email/confirm/" + token);
            model.addAttribute("linkProblem", null);
            return "account/email-confirm";
        }
        response.setStatus(switch (check.unusable()) {
            case INVALID -> 400;
            case OTHER_ACCOUNT -> 403;
            case EXPIRED, USED -> 410;
        });
        model.addAttribute("email", null);
        model.addAttribute("action", "");
        model.addAttribute("linkProblem", switch (check.unusable()) {
            case INVALID -> EmailMessages.LINK_INVALID;
            case EXPIRED -> EmailMessages.LINK_EXPIRED;
            case USED -> EmailMessages.LINK_USED;
            case OTHER_ACCOUNT -> EmailMessages.LINK_OTHER_ACCOUNT;
        });
        return "account/email-confirm";
    }
}
