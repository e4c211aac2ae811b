package news.dateline.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link NoProxySqliteSite} on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NoProxyPostgresSite implements RunningSite {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "dateline_no_proxy");
        asShipped(registry);
    }

    /** No trusted proxy, whatever the test configuration says. */
    static void asShipped(DynamicPropertyRegistry registry) {
        registry.add("dateline.trusted-proxies", () -> "");
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
