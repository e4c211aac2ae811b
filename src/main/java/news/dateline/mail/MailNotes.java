package news.dateline.mail;

import java.util.ArrayList;
import java.util.List;
import news.dateline.platform.OperationsNotes;
import org.springframework.stereotype.Component;

/** The admins' dashboard says whether mail goes out, and when some did not: see the mail screen. */
@Component
class MailNotes implements OperationsNotes {

    static final String OFF = "Mail is off: DATELINE_SMTP_HOST is not set, so mails (reset links, invitations,"
            + " notifications) are written to the site's log instead of being sent (docs/mail.md).";
    static final String FAILED = "%d mail(s) could not be sent and will not be retried: see Mail (/newsroom/mail).";

    private final MailProperties mail;
    private final OutboxRepository outbox;

    MailNotes(MailProperties mail, OutboxRepository outbox) {
        this.mail = mail;
        this.outbox = outbox;
    }

    @Override
    public List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        if (!mail.smtp()) {
            notes.add(new Note(true, OFF));
        } else {
            notes.add(new Note(false, "Mail goes out through " + mail.host() + " as " + mail.from() + "."));
        }
        long failed = outbox.count("failed");
        if (failed > 0) {
            notes.add(new Note(true, FAILED.formatted(failed)));
        }
        return notes;
    }
}
