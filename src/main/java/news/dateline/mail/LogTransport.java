package news.dateline.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server, mails are written to the log in full, links included: on a site without mail an
 * operator with the log is the only way a reset link or an invitation reaches anyone (docs/mail.md says so and
 * why). With SMTP configured nothing of a mail but its id is logged.
 */
final class LogTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogTransport.class);

    @Override
    public void send(Mail mail) {
        log.info("Mail is off (no DATELINE_SMTP_HOST); not sent, written here instead.\nTo: {}\nSubject: {}\n\n{}",
                mail.to(), mail.subject(), mail.text());
    }
}
