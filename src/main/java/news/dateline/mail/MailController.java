package news.dateline.mail;

import java.time.Instant;
import news.dateline.newsroom.NewsroomScreen;
import news.dateline.newsroom.Staff;
import news.dateline.platform.NewsroomTimes;
import news.dateline.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The newsroom's mail screen, for administrators: whether mail is on, what waits, what failed and why. */
@Controller
@NewsroomScreen
class MailController {

    private final Outbox outbox;
    private final MailProperties mail;
    private final NewsroomTimes times;

    MailController(Outbox outbox, MailProperties mail, NewsroomTimes times) {
        this.outbox = outbox;
        this.mail = mail;
        this.times = times;
    }

    @GetMapping("/newsroom/mail")
    String screen(@ModelAttribute("staff") Staff staff, Model model) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators see the mail outbox");
        }
        model.addAttribute("smtp", mail.smtp());
        model.addAttribute("failed", outbox.failed().stream().map(this::line).toList());
        model.addAttribute("waiting", outbox.waiting().stream().map(this::line).toList());
        return "mail/outbox";
    }

    private OutboxLine line(OutboxRepository.StoredMail stored) {
        return new OutboxLine(stored.mail().to(), stored.mail().subject(), stored.attempts(), stored.lastError(),
                times.human(Instant.ofEpochMilli(stored.createdAt())),
                stored.state().equals("waiting") ? times.human(Instant.ofEpochMilli(stored.nextAttemptAt())) : "");
    }
}
