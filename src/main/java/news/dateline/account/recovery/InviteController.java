package news.dateline.account.recovery;

import news.dateline.account.Account;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Inviting by email and role, from the users screen (administrators only; docs/mail.md). */
@Controller
@NewsroomScreen
class InviteController {

    private final Invitations invitations;

    InviteController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The users screen's invitation form; a refusal comes back to it with the problems named and the input kept. */
    @PostMapping("/newsroom/users/invite")
    String invite(@ModelAttribute("staff") Staff staff, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String username,
            RedirectAttributes redirect) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators invite people");
        }
        try {
            Account invited = invitations.invite(email, role, username, staff.username());
            redirect.addFlashAttribute("notice", RecoveryMessages.INVITED.formatted(invited.username(),
                    invited.role().column(), email.strip()));
            return "redirect:/newsroom/users";
        } catch (Refusal refused) {
            redirect.addFlashAttribute("inviteProblems", refused.fields());
            redirect.addFlashAttribute("inviteEmail", email);
            redirect.addFlashAttribute("inviteRole", role);
            redirect.addFlashAttribute("inviteUsername", username);
            redirect.addFlashAttribute("problem", "Nobody was invited: see the invitation form.");
            return "redirect:/newsroom/users#invite";
        }
    }
}
