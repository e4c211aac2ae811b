package news.dateline.comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import news.dateline.platform.DataProperties;
import news.dateline.support.SiteClient;
import news.dateline.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL the same wait is a table lock held by another session (a long migration, a manual fix in psql):
 * EXCLUSIVE lets readers read and makes every insert wait, here past the site's lock_timeout. A database of its
 * own: its settings make a context of its own, which must not drop the shared journeys' database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"dateline.data.busy-timeout=1s", "dateline.comments.rate-limits.enabled=false"})
class WritesWhileTheDatabaseIsLockedOnPostgresTest implements WritesWhileTheDatabaseIsLockedJourneys {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "dateline_locks");
    }

    @Override
    public SiteClient site() {
        return new SiteClient(port);
    }

    @Override
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public Connection holdWriteLock() throws SQLException {
        DataProperties data = bean(DataProperties.class);
        Connection other = DriverManager.getConnection(data.url(), data.username(), data.password());
        other.setAutoCommit(false);
        try (Statement statement = other.createStatement()) {
            statement.execute("LOCK TABLE comment, article IN EXCLUSIVE MODE");
        }
        return other;
    }
}
