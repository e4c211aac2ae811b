package news.dateline.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What the mail journeys' site is told about its SMTP server (docs/mail.md). */
final class MailSettings {

    private MailSettings() {
    }

    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("dateline.mail.host", () -> "127.0.0.1");
        registry.add("dateline.mail.port", Smtp::port);
        registry.add("dateline.mail.from", () -> "newsroom@dateline.test");
        registry.add("dateline.mail.tls", () -> "false");
        registry.add("dateline.mail.poll-interval", () -> "200ms");
        registry.add("dateline.mail.first-retry", () -> "200ms");
        registry.add("dateline.mail.max-retry", () -> "1s");
        registry.add("dateline.mail.max-attempts", () -> "1000");
    }
}
