package news.dateline.comment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import news.dateline.platform.DataProperties;
import news.dateline.support.SqliteSite;
import org.springframework.test.context.TestPropertySource;

/** SQLite has one write lock for the whole file; another process holding it past busy_timeout is the case. */
@TestPropertySource(properties = {"dateline.data.busy-timeout=1s", "dateline.comments.rate-limits.enabled=false"})
class WritesWhileTheDatabaseIsLockedOnSqliteTest extends SqliteSite implements WritesWhileTheDatabaseIsLockedJourneys {

    @Override
    public Connection holdWriteLock() throws SQLException {
        String file = bean(DataProperties.class).dir().resolve("dateline.db").toString();
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        return other;
    }
}
