package news.dateline.notify;

import java.time.Clock;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.SeeOther;
import news.dateline.newsroom.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Mail settings": each staff member turns their own notification mails on and off (the held-comments digest for
 * editors and administrators, mail about their stories for everyone with a byline). Only one's own: the account
 * is the signed-in one, never a parameter.
 */
@Controller
@NewsroomScreen
class NotificationSettingsController {

    static final String PATH = "/newsroom/notifications";
    static final String SAVED = "Your mail settings have been saved.";

    private final Preferences preferences;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NotifyProperties settings;

    NotificationSettingsController(Preferences preferences, PlatformTransactionManager transactions, Clock clock,
            NotifyProperties settings) {
        this.settings = settings;
        this.preferences = preferences;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @GetMapping(PATH)
    String screen(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("choice", preferences.of(staff.accountId()));
        model.addAttribute("saved", saved != null);
        model.addAttribute("every", HeldCommentsDigest.minutes(settings.digestInterval()));
        return "notify/settings";
    }

    @PostMapping(PATH)
    ModelAndView save(@ModelAttribute("staff") Staff staff,
            @RequestParam(name = "heldDigest", required = false) String heldDigest,
            @RequestParam(name = "storyMail", required = false) String storyMail) {
        Preferences.Choice before = preferences.of(staff.accountId());
        // a box the role is not shown keeps what it was
        Preferences.Choice choice = new Preferences.Choice(
                staff.isEditor() ? heldDigest != null : before.heldDigest(), storyMail != null);
        transaction.executeWithoutResult(status -> preferences.save(staff.accountId(), choice, clock.instant()));
        return SeeOther.to(PATH + "?saved");
    }
}
