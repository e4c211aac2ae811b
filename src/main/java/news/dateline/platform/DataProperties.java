package news.dateline.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Dateline keeps its state. With no database URL it runs on SQLite inside {@code dataDir},
 * which is what a newcomer's first {@code ./mvnw spring-boot:run} needs.
 */
@ConfigurationProperties("dateline.data")
public record DataProperties(
        @DefaultValue("./data") Path dir,
        @DefaultValue("") String url,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("10") int poolSize,
        @DefaultValue("5s") Duration busyTimeout) {

    public boolean usesSqlite() {
        return url.isBlank() || url.startsWith("jdbc:sqlite:");
    }

    /**
     * WAL lets readers proceed while one writer commits; IMMEDIATE transactions take the write lock
     * up front so busy_timeout applies instead of a late SQLITE_BUSY on upgrade. The timeout is shorter than a
     * person's patience: a writer that cannot get the lock in that time is told "not saved, try again" (503).
     */
    public String jdbcUrl() {
        if (!url.isBlank()) {
            return url;
        }
        return "jdbc:sqlite:" + dir.resolve("dateline.db")
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=" + busyTimeout.toMillis() + "&foreign_keys=true"
                + "&transaction_mode=IMMEDIATE";
    }
}
