package news.dateline.mail;

import news.dateline.platform.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SMTP when {@code DATELINE_SMTP_HOST} is set, the log otherwise; said once at start (never the password). */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean
    MailTransport mailTransport(MailProperties mail, SiteProperties site) {
        if (!mail.smtp()) {
            log.info("Mail is off: DATELINE_SMTP_HOST is not set, so mails are written to the log (docs/mail.md)");
            return new LogTransport();
        }
        log.info("Mail goes out through {}:{} as {} (STARTTLS {})", mail.host(), mail.port(), mail.from(),
                mail.tls() ? "required" : "off");
        return new SmtpTransport(mail, site);
    }
}
