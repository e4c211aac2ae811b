package news.dateline.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out only pooled connections that are in auto-commit mode, as the pool gave them out first.
 *
 * <p>When SQLite's {@code BEGIN IMMEDIATE} times out, sqlite-jdbc has already marked the connection as
 * "not auto-commit" although no transaction began; the pool takes it back as it is. Spring's next transaction
 * on it then sees auto-commit off, issues no {@code BEGIN}, and every statement commits on its own: half a save
 * stored behind an error page. A connection in that state is evicted here, before anyone can use it, and the
 * caller gets a fresh one.
 */
final class PoolGuard extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(PoolGuard.class);
    private static final int MAX_EVICTIONS_PER_BORROW = 8;

    private final HikariDataSource pool;

    PoolGuard(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        for (int evicted = 0; ; evicted++) {
            Connection connection = pool.getConnection();
            if (connection.getAutoCommit() || evicted == MAX_EVICTIONS_PER_BORROW) {
                return connection;
            }
            log.info("Evicting a pooled connection left out of auto-commit by a failed transaction start");
            pool.evictConnection(connection);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    public void close() {
        pool.close();
    }
}
