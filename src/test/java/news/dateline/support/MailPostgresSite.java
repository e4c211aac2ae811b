package news.dateline.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The site on Postgres sending mail to the tests' GreenMail server ({@link Smtp}), with the outbox worker looking
 * often and retrying soon, so a journey sees a mail within a second or two of what caused it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfig.class)
public abstract class MailPostgresSite implements RunningSite {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "dateline_mail");
        MailSettings.smtp(registry);
    }

    @Override
    public SiteClient site() {
        return new SiteClient(port);
    }

    @Override
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
