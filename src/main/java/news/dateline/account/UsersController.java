package news.dateline.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
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
 * The users screen, for administrators only (SecurityConfig says so for /newsroom/users/**; the check here
 * repeats it so a routing mistake cannot open it). Passwords an administrator sets or generates are shown once.
 */
@Controller
@NewsroomScreen
class UsersController {

    private final Accounts accounts;

    UsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/users")
    String list(@ModelAttribute("staff") Staff staff, Model model) {
        requireAdmin(staff);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UserForm.EMPTY);
        }
        return page(model, Map.of());
    }

    @PostMapping("/newsroom/users")
    String add(@ModelAttribute("staff") Staff staff, UserForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin(staff);
        CreatedAccount created;
        try {
            created = accounts.add(new NewAccount(form.username(), form.role(), form.password(),
                    form.authorIdOrNull(), form.newAuthorName()));
        } catch (Refusal refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("form", form.withoutPassword());
            return page(model, refused.fields());
        }
        Account account = created.account();
        redirect.addFlashAttribute("notice", "Added " + account.username() + " as " + account.role().column() + ".");
        if (created.generatedPassword() != null) {
            redirect.addFlashAttribute("passwordFor", account.username());
            redirect.addFlashAttribute("password", created.generatedPassword());
        }
        return "redirect:/newsroom/users";
    }

    @PostMapping("/newsroom/users/{id}/role")
    String changeRole(@ModelAttribute("staff") Staff staff, @PathVariable long id,
            @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
        requireAdmin(staff);
        return change(id, redirect, account -> {
            Role chosen = Role.parse(role).orElseThrow(() -> Refusal.invalid(AccountMessages.ROLE_REQUIRED,
                    Map.of()));
            accounts.changeRole(id, chosen);
            redirect.addFlashAttribute("notice", account.username() + " is now " + chosen.column() + ".");
            // an admin who made themselves something else may no longer see this screen
            return account.id() == staff.accountId() && chosen != Role.ADMIN ? "/newsroom" : "/newsroom/users";
        });
    }

    @PostMapping("/newsroom/users/{id}/password")
    String resetPassword(@ModelAttribute("staff") Staff staff, @PathVariable long id,
            @RequestParam(defaultValue = "") String password, RedirectAttributes redirect,
            HttpServletRequest request) {
        requireAdmin(staff);
        return change(id, redirect, account -> {
            String generated = accounts.resetPassword(id, password); // ends the account's sessions
            if (id == staff.accountId()) {
                SignedInAccountFilter.remember(request.getSession(), accounts.sessionEpoch(id)); // but not this one
            }
            redirect.addFlashAttribute("notice", "Set a new password for " + account.username() + ".");
            if (generated != null) {
                redirect.addFlashAttribute("passwordFor", account.username());
                redirect.addFlashAttribute("password", generated);
            }
            return "/newsroom/users";
        });
    }

    @PostMapping("/newsroom/users/{id}/disable")
    String disable(@ModelAttribute("staff") Staff staff, @PathVariable long id, RedirectAttributes redirect) {
        requireAdmin(staff);
        return change(id, redirect, account -> {
            accounts.setDisabled(id, true, staff.username());
            redirect.addFlashAttribute("notice", account.username() + " is disabled and signed out.");
            return "/newsroom/users";
        });
    }

    @PostMapping("/newsroom/users/{id}/enable")
    String enable(@ModelAttribute("staff") Staff staff, @PathVariable long id, RedirectAttributes redirect) {
        requireAdmin(staff);
        return change(id, redirect, account -> {
            accounts.setDisabled(id, false, staff.username());
            redirect.addFlashAttribute("notice", account.username() + " can sign in again.");
            return "/newsroom/users";
        });
    }

    private interface Change {
        String apply(Account account);
    }

    /** One account's change; a refused one comes back as a message naming the account. */
    private String change(long id, RedirectAttributes redirect, Change change) {
        Account account = accounts.find(id).orElseThrow(() -> Refusal.notFound("There is no account " + id + "."));
        try {
            return "redirect:" + change.apply(account);
        } catch (Refusal refused) {
            redirect.addFlashAttribute("problem", refused.fields().isEmpty() ? refused.getMessage()
                    : account.username() + ": " + refused.getMessage());
        }
        return "redirect:/newsroom/users";
    }

    private String page(Model model, Map<String, String> problems) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("emails", accounts.emails());
        model.addAttribute("authors", accounts.unclaimedAuthors());
        model.addAttribute("roles", Role.values());
        model.addAttribute("problems", problems);
        for (String flash : new String[] {"notice", "problem", "passwordFor", "password"}) {
            if (!model.containsAttribute(flash)) {
                model.addAttribute(flash, null);
            }
        }
        // the invitation form (account.recovery.InviteController), refused: its input and problems come back
        for (String flash : new String[] {"inviteEmail", "inviteRole", "inviteUsername"}) {
            if (!model.containsAttribute(flash)) {
                model.addAttribute(flash, "");
            }
        }
        if (!model.containsAttribute("inviteProblems")) {
            model.addAttribute("inviteProblems", Map.of());
        }
        return "account/users";
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators manage users");
        }
    }
}
