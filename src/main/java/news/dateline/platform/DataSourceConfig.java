package news.dateline.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataProperties data) {
        createDataDirectory(data);
        HikariConfig config = new HikariConfig();
        config.setPoolName("dateline");
        config.setJdbcUrl(data.jdbcUrl());
        if (!data.username().isBlank()) {
            config.setUsername(data.username());
            config.setPassword(data.password());
        }
        config.setMaximumPoolSize(data.poolSize());
        // A request that cannot get a connection in 5 s should fail and free its thread, not queue for 30.
        config.setConnectionTimeout(5_000);
        if (!data.usesSqlite()) {
            // The PostgreSQL twin of SQLite's busy_timeout: a write waiting for another session's lock gives up
            // and is answered "not saved, try again" instead of holding the person's request for ever.
            config.setConnectionInitSql("SET lock_timeout = " + data.busyTimeout().toMillis());
        }
        if (data.usesSqlite()) {
            // SQLite has one writer at a time; more connections only add lock waits.
            config.setMaximumPoolSize(Math.min(data.poolSize(), 4));
        }
        return new PoolGuard(new HikariDataSource(config));
    }

    private static void createDataDirectory(DataProperties data) {
        try {
            Files.createDirectories(data.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + data.dir().toAbsolutePath(), e);
        }
    }
}
