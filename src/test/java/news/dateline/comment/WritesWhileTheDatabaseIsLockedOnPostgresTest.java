package news.dateline.comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import news.dateline.platform.DataProperties;
import news.dateline.support.PostgresSite;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL the same wait is a table lock held by another session (a long migration, a manual fix in psql):
 * EXCLUSIVE lets readers read and makes every insert wait, here past the site's lock_timeout.
 */
@TestPropertySource(properties = {"dateline.data.busy-timeout=1s", "dateline.comments.rate-limits.enabled=false"})
class WritesWhileTheDatabaseIsLockedOnPostgresTest extends PostgresSite
        implements WritesWhileTheDatabaseIsLockedJourneys {

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
