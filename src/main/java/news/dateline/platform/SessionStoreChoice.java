package news.dateline.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where staff sessions live: in the database (Spring Session JDBC, tables from migration V12) on PostgreSQL, where
 * several nodes share them; in the server's memory on SQLite, which is one node. On SQLite a session row written
 * on every staff request would also queue behind the one writer, and a save that times out after the page was
 * answered would turn a "not saved, try again" into a 500. So Spring Session's auto-configuration is left out
 * there (docs/scaling.md).
 */
public class SessionStoreChoice implements EnvironmentPostProcessor, Ordered {

    static final String SESSION_AUTO_CONFIGURATION =
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration,"
            + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("dateline.data.url", "");
        if (url.isBlank() || url.startsWith("jdbc:sqlite:")) {
            String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
            environment.getPropertySources().addFirst(new MapPropertySource("dateline-session-store",
                    Map.of("spring.autoconfigure.exclude",
                            excluded.isBlank() ? SESSION_AUTO_CONFIGURATION : excluded + "," + SESSION_AUTO_CONFIGURATION)));
        }
    }

    /** After the configuration files and arguments are read: the database URL comes from them. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
