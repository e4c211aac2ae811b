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

    /** The shipped search limit, a minute's worth from one address. */
    public static final int SEARCHES_PER_MINUTE = 30;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "dateline_no_proxy");
        asShipped(registry);
    }

    /** No trusted proxy and the default search limit, whatever the test configuration says. */
    static void asShipped(DynamicPropertyRegistry registry) {
        registry.add("dateline.trusted-proxies", () -> "");
        registry.add("dateline.search.rate-limit.per-minute", () -> SEARCHES_PER_MINUTE);
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
