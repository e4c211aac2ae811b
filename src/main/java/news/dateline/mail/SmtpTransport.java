package news.dateline.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import news.dateline.platform.SiteProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Spring's JavaMail sender over the configured SMTP server. Kept inside the mail package rather than as a bean,
 * so Boot adds no mail health check: a mail server that is away must not take the site out of a load balancer
 * (the outbox waits for it).
 */
final class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final String from;
    private final String siteName;

    SmtpTransport(MailProperties mail, SiteProperties site) {
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        if (!mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(!mail.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(mail.tls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(mail.tls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        this.from = mail.from();
        this.siteName = site.name();
    }

    @Override
    public void send(Mail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from, siteName);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        sender.send(message);
    }
}
