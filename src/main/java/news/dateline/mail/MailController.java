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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import news.dateline.newsroom.SeeOther;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsroom's mail screen, for administrators: whether mail is on, what waits, what failed and why, and Retry
 * for a failed mail.
 */
@Controller
@NewsroomScreen
class MailController {

    private final Outbox outbox;
    private final MailProperties mail;
    private final NewsroomTimes times;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    static final String NOT_FAILED = "This mail is no longer among the failed ones: it was sent or retried already.";

    MailController(Outbox outbox, MailProperties mail, NewsroomTimes times, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.mail = mail;
        this.times = times;
    }

    @GetMapping("/newsroom/mail")
    String screen(@ModelAttribute("staff") Staff staff, @RequestParam(required = false) String retried,
            Model model) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators see the mail outbox");
        }
        model.addAttribute("retried", retried != null);
        model.addAttribute("smtp", mail.smtp());
        model.addAttribute("failed", outbox.failed().stream().map(this::line).toList());
        model.addAttribute("waiting", outbox.waiting().stream().map(this::line).toList());
        return "mail/outbox";
    }

    /** Retry: a failed mail goes back in the queue, at once, with the attempts counted afresh; audited. */
    @PostMapping("/newsroom/mail/{id}/retry")
    ModelAndView retry(@ModelAttribute("staff") Staff staff, @PathVariable String id) {
        if (!staff.isAdmin()) {
            throw Refusal.forbidden("Only administrators retry mails");
        }
        transaction.executeWithoutResult(status -> {
            Mail mail = outbox.retry(id).orElseThrow(() -> Refusal.conflict(NOT_FAILED));
            audit.record(staff.acting(), AuditAction.MAIL_RETRIED, mail.subject(), "to " + mail.to());
        });
        return SeeOther.to("/newsroom/mail?retried");
    }

    private OutboxLine line(OutboxRepository.StoredMail stored) {
        return new OutboxLine(stored.id(), stored.mail().to(), stored.mail().subject(), stored.attempts(), stored.lastError(),
                times.human(Instant.ofEpochMilli(stored.createdAt())),
                stored.state().equals("waiting") ? times.human(Instant.ofEpochMilli(stored.nextAttemptAt())) : "");
    }
}
