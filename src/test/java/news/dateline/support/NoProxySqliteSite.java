package news.dateline.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The site on SQLite as it ships: it trusts no proxy (the test configuration's loopback proxy is taken away, so an
 * X-Forwarded-For header from the test is just a header from a client) and searches are limited per address at the
 * default rate. Every request here comes from the one address 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NoProxySqliteSite implements RunningSite {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry, "no-proxy");
        NoProxyPostgresSite.asShipped(registry);
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
