package news.dateline.mail;

/** Where a mail from the outbox goes: an SMTP server ({@link SmtpTransport}) or, without one, the log. */
interface MailTransport {

    /** Sends the mail or throws; the worker retries what threw. */
    void send(Mail mail) throws Exception;
}
